package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import microfactory.mail.Mailer;
import microfactory.mail.OutboxMail;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** The chapter's "join by e-mailed link" mode: nothing a stranger sees tells whether an address has an account. */
@DatabaseTest
class SignUpByLinkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("/signup/finish\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Mailer mailer;
    @Autowired SignUpProbes probes;
    @Autowired SignUpLinks links;

    @BeforeEach
    void joinByLink() {
        probes.forgetAll();
        links.forgetAll();
        HttpResponse<String> r = admin().json("PUT", "/api/v1/chapter", "{\"signUpMode\": \"EMAIL_LINK\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"signUpMode\":\"EMAIL_LINK\"");
    }

    @AfterEach
    void joinAtOnceAgain() {
        assertThat(admin().json("PUT", "/api/v1/chapter", "{\"signUpMode\": \"INSTANT\"}").statusCode()).isEqualTo(200);
        probes.forgetAll();
        links.forgetAll();
    }

    private static String major(JsonNode minor) {
        return minor.isNull() ? "" : BigDecimal.valueOf(minor.asLong(), 2).toPlainString(); // the demo keeps USD
    }

    private Http admin() {
        return new Http(port).as("admin@demo.local", "demo-admin");
    }

    private HttpResponse<String> ask(String email, String plan) {
        Http http = new Http(port);
        http.get("/signup");
        return http.postForm("/signup", Map.of("email", email, "planCode", plan));
    }

    private long accounts(String email) {
        return jdbc.sql("select count(*) from member where email = :e").param("e", email).query(Long.class).single();
    }

    private List<OutboxMail> mailsTo(String email) {
        return mailer.latest().stream().filter(m -> m.recipient().equals(email)).toList();
    }

    private String tokenMailedTo(String email) {
        Matcher m = LINK.matcher(mailsTo(email).get(0).body()); // latest first
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theFormAsksOnlyForAnAddressAndAnswersTheSameForANewAddressAndAMembers() {
        String form = new Http(port).get("/signup").body();
        assertThat(form).contains("name=\"email\"").contains("E-mail me a link")
                .doesNotContain("name=\"password\"").doesNotContain("name=\"displayName\"");
        long membersBefore = jdbc.sql("select count(*) from member").query(Long.class).single();
        int memberMailsBefore = mailsTo("member@demo.local").size();

        HttpResponse<String> fresh = ask("newcomer@example.org", "");
        HttpResponse<String> taken = ask("member@demo.local", "");

        assertThat(fresh.statusCode()).isEqualTo(taken.statusCode()).isEqualTo(302);
        assertThat(fresh.headers().firstValue("Location")).isEqualTo(taken.headers().firstValue("Location"));
        assertThat(fresh.headers().firstValue("Location").orElseThrow()).endsWith("/signup/sent");
        assertThat(fresh.body()).isEqualTo(taken.body());
        assertThat(new Http(port).get("/signup/sent").body()).contains("id=\"signup-sent\"");
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(membersBefore);

        assertThat(mailsTo("newcomer@example.org")).hasSize(1).first()
                .satisfies(m -> assertThat(m.subject()).contains("Finish joining"));
        assertThat(mailsTo("member@demo.local")).hasSize(memberMailsBefore + 1).first()
                .satisfies(m -> assertThat(m.subject()).contains("Someone tried to sign up with your address"));
    }

    @Test
    void theLinkFinishesJoiningWithTheNameAndPasswordChosenThereAndWorksOnce() {
        assertThat(ask("finisher@example.org", "value-share").statusCode()).isEqualTo(302);
        String token = tokenMailedTo("finisher@example.org");
        assertThat(accounts("finisher@example.org")).isZero();

        Http http = new Http(port);
        String page = http.get("/signup/finish?token=" + token).body();
        assertThat(page).contains("Joining as <strong>finisher@example.org</strong>").contains("name=\"password\"")
                .containsPattern("<option value=\"value-share\" selected");

        HttpResponse<String> weak = http.postForm("/signup/finish", Map.of("token", token, "displayName", "Fin Isher",
                "password", "1234567890", "planCode", "value-share"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).containsPattern("id=\"password-error\"[^>]*>this is one of the most common passwords");
        assertThat(accounts("finisher@example.org")).isZero();

        HttpResponse<String> done = http.postForm("/signup/finish", Map.of("token", token, "displayName", "Fin Isher",
                "password", "finish what you start", "planCode", "value-share"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(http.get("/api/v1/members/me").body()).contains("\"displayName\":\"Fin Isher\"")
                .contains("\"emailConfirmed\":true").contains("\"planCode\":\"value-share\"");
        assertThat(accounts("finisher@example.org")).isEqualTo(1);

        Http again = new Http(port);
        HttpResponse<String> reused = again.get("/signup/finish?token=" + token);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("id=\"signup-link-problem\"").contains("already used");
        again.get("/signup"); // a form's CSRF token: the refusal page has no form
        assertThat(again.postForm("/signup/finish", Map.of("token", token, "displayName", "Someone Else",
                "password", "another fine phrase", "planCode", "")).statusCode()).isEqualTo(400);
        assertThat(accounts("finisher@example.org")).isEqualTo(1);
        assertThat(new Http(port).login("finisher@example.org", "finish what you start").statusCode()).isEqualTo(302);
    }

    @Test
    void anUnknownLinkIsRefusedWithAWayToAskAgain() {
        HttpResponse<String> r = new Http(port).get("/signup/finish?token=not-a-real-token");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"signup-link-problem\"").contains("href=\"/signup\"");
        assertThat(new Http(port).get("/signup/finish").statusCode()).isEqualTo(400);
    }

    @Test
    void aBadAddressOrPlanIsShownBesideItsFieldAndNothingIsSent() {
        HttpResponse<String> bad = ask("not an address", "no-such-plan");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"email-error\"").contains("choose one of the plans on offer");
        assertThat(mailsTo("not an address")).isEmpty();
    }

    @Test
    void oneAddressGetsAtMostAFewMailsAnHourWhileTheAnswerStaysTheSame() {
        for (int i = 0; i < SignUpLinks.MAILS_PER_ADDRESS + 2; i++) {
            HttpResponse<String> r = ask("flooded@example.org", "");
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/signup/sent");
        }
        assertThat(mailsTo("flooded@example.org")).hasSize(SignUpLinks.MAILS_PER_ADDRESS);
    }

    @Test
    void theModeIsAnAdminsSettingOnTheSettingsPageAndAnUnknownModeIsAProblem() {
        HttpResponse<String> unknown = admin().json("PUT", "/api/v1/chapter", "{\"signUpMode\": \"BY_PIGEON\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new Http(port).as("steward@demo.local", "demo-steward")
                .json("PUT", "/api/v1/chapter", "{\"signUpMode\": \"INSTANT\"}").statusCode()).isEqualTo(403);

        Http page = new Http(port);
        page.login("admin@demo.local", "demo-admin");
        assertThat(page.get("/admin/settings").body()).containsPattern("value=\"EMAIL_LINK\" checked");
        // The page sends every field, as the settings form holds them now; only the way to join changes.
        JsonNode c = JSON.readTree(new Http(port).get("/api/v1/chapter").body()).get("chapter");
        Map<String, String> form = new HashMap<>();
        for (String field : List.of("name", "site", "region", "mission", "timeZone", "currency")) {
            form.put(field, c.get(field).asString());
        }
        form.put("publicUrl", c.get("publicUrl").isNull() ? "" : c.get("publicUrl").asString());
        form.put("startUpCapital", major(c.get("startUpCapitalMinor")));
        form.put("productionPerDay", major(c.get("productionPerDayMinor")));
        form.put("hourlyValue", major(c.get("hourlyValueMinor")));
        form.put("buildsPerBayPerYear", c.get("buildsPerBayPerYear").isNull() ? "" : c.get("buildsPerBayPerYear").asString());
        form.put("signUpMode", "INSTANT");
        assertThat(page.postForm("/admin/settings", form).statusCode()).isEqualTo(302);
        JsonNode after = JSON.readTree(new Http(port).get("/api/v1/chapter").body()).get("chapter");
        assertThat(after.get("signUpMode").asString()).isEqualTo("INSTANT");
        ((ObjectNode) after).remove("signUpMode");
        ((ObjectNode) c).remove("signUpMode");
        assertThat(after).isEqualTo(c);
        assertThat(new Http(port).get("/signup").body()).contains("name=\"password\"").contains("Create my account");
    }
}
