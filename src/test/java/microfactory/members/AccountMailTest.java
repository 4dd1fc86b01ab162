package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** Mail through a real SMTP server (GreenMail, in this JVM): confirm an address, reset a forgotten password, notices. */
@DatabaseTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class AccountMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Pattern LINK = Pattern.compile("(/[a-z-]+(?:/confirm)?)\\?token=([A-Za-z0-9_-]+)");

    private final Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    @LocalServerPort int port;
    @Autowired MemberMail mail;
    @Autowired MemberService members;
    @Autowired JdbcClient jdbc;

    @Test
    void aNewMemberConfirmsTheAddressForgetsThePasswordAndResetsItByMail() throws Exception {
        Http http = new Http(port);
        http.page("/signup");
        assertThat(http.postForm("/signup", Map.of("email", "robin@example.org", "displayName", "Robin Rivera",
                "password", "we build tractors", "planCode", "")).statusCode()).isEqualTo(302);
        MimeMessage confirmation = receive("robin@example.org");
        assertThat(confirmation.getSubject()).contains("Confirm your e-mail address");
        String[] link = link(confirmation);
        assertThat(link[0]).isEqualTo("/confirm-email");
        assertThat(members.findByEmail("robin@example.org").orElseThrow().emailConfirmedAt()).isNull();
        assertThat(new Http(port).page("/confirm-email?token=" + link[1]).body()).contains("id=\"email-confirmed\"");
        assertThat(members.findByEmail("robin@example.org").orElseThrow().emailConfirmedAt()).isNotNull();
        assertThat(new Http(port).page("/confirm-email?token=" + link[1]).statusCode()).as("spent").isEqualTo(400);

        // Forgotten: the API answers 202 whether or not the address is a member's, and mails only a member.
        HttpResponse<String> unknown = new Http(port).json("POST", "/api/v1/members/password-reset", "{\"email\":\"nobody@example.org\"}");
        assertThat(unknown.statusCode()).isEqualTo(202);
        HttpResponse<String> known = new Http(port).json("POST", "/api/v1/members/password-reset", "{\"email\":\"Robin@Example.org\"}");
        assertThat(known.statusCode()).isEqualTo(202);
        MimeMessage reset = receive("robin@example.org");
        assertThat(smtp.getReceivedMessagesForDomain("nobody@example.org")).isEmpty();
        String[] resetLink = link(reset);
        assertThat(resetLink[0]).isEqualTo("/password-reset/confirm");

        HttpResponse<String> weak = new Http(port).json("POST", "/api/v1/members/password-reset/confirm",
                "{\"token\":\"" + resetLink[1] + "\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"");
        HttpResponse<String> made = new Http(port).json("POST", "/api/v1/members/password-reset/confirm",
                "{\"token\":\"made-up-token\",\"password\":\"a new long phrase\"}");
        assertThat(made.statusCode()).isEqualTo(400);
        assertThat(made.body()).contains("\"field\":\"token\"");

        HttpResponse<String> done = new Http(port).json("POST", "/api/v1/members/password-reset/confirm",
                "{\"token\":\"" + resetLink[1] + "\",\"password\":\"a new long phrase\"}");
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(new Http(port).as("robin@example.org", "a new long phrase").get("/api/v1/members/me").statusCode()).isEqualTo(200);
        assertThat(new Http(port).as("robin@example.org", "we build tractors").get("/api/v1/members/me").statusCode()).isEqualTo(401);
        HttpResponse<String> again = new Http(port).json("POST", "/api/v1/members/password-reset/confirm",
                "{\"token\":\"" + resetLink[1] + "\",\"password\":\"yet another phrase\"}");
        assertThat(again.statusCode()).as("a spent link").isEqualTo(400);
        assertThat(new Http(port).as("robin@example.org", "a new long phrase").get("/api/v1/members/me").statusCode()).isEqualTo(200);
    }

    @Test
    void theResetPagesSetANewPasswordAndRefuseAnExpiredOrMadeUpLink() throws Exception {
        Http http = new Http(port);
        http.page("/password-reset");
        assertThat(http.postForm("/password-reset", Map.of("email", "member@demo.local")).body()).contains("id=\"reset-sent\"");
        String[] link = link(receive("member@demo.local"));
        Http browser = new Http(port);
        assertThat(browser.page(link[0] + "?token=" + link[1]).body()).contains("Choose a new password");
        HttpResponse<String> set = browser.postForm("/password-reset/confirm", Map.of("token", link[1], "password", "my workshop phrase"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).contains("/login?reset");
        assertThat(new Http(port).login("member@demo.local", "my workshop phrase").headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        // A link older than an hour is refused, and the password stays.
        new Http(port).json("POST", "/api/v1/members/password-reset", "{\"email\":\"member@demo.local\"}");
        String[] late = link(receive("member@demo.local"));
        jdbc.sql("update member_token set expires_at = :past where used_at is null")
            .param("past", Timestamp.from(Instant.now().minusSeconds(60))).update();
        HttpResponse<String> expired = new Http(port).json("POST", "/api/v1/members/password-reset/confirm",
                "{\"token\":\"" + late[1] + "\",\"password\":\"another long phrase\"}");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("expired");
        assertThat(new Http(port).as("member@demo.local", "my workshop phrase").get("/api/v1/members/me").statusCode()).isEqualTo(200);
        Http other = new Http(port);
        other.page("/password-reset/confirm?token=made-up");
        HttpResponse<String> madeUp = other.postForm("/password-reset/confirm", Map.of("token", "made-up", "password", "my workshop phrase"));
        assertThat(madeUp.statusCode()).isEqualTo(400);
        assertThat(madeUp.body()).contains("id=\"token-error\"");
    }

    @Test
    void noticesGoOnlyToMembersWhoWantThem() throws Exception {
        long id = members.findByEmail("steward@demo.local").orElseThrow().id();
        assertThat(mail.notify(id, Notice.BADGE, "Your badge expires soon", "Welding level 1 expires on 2026-12-20.")).isTrue();
        assertThat(receive("steward@demo.local").getSubject()).contains("Your badge expires soon");
        Http member = new Http(port).as("steward@demo.local", "demo-steward");
        assertThat(member.json("PUT", "/api/v1/members/me/notifications", "{\"seats\":true,\"runs\":true,\"badges\":false}").statusCode())
                .isEqualTo(200);
        assertThat(member.get("/api/v1/members/me/notifications").body()).contains("\"badges\":false");
        assertThat(mail.notify(id, Notice.BADGE, "Your badge expires soon", "…")).isFalse();
        assertThat(mail.notify(id, Notice.RUN, "Your build moved", "…")).isTrue();
    }

    private MimeMessage receive(String to) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(to) && !seen.contains(m)) {
                    seen.add(m);
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + to + " within 10 s");
    }


    private static String[] link(MimeMessage m) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return new String[] {matcher.group(1), matcher.group(2)};
    }
}
