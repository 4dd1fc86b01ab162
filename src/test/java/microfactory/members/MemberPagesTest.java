package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.mail.Mailer;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

@DatabaseTest
class MemberPagesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Mailer mailer;
    @Autowired SignUpProbes probes;

    long members() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    HttpResponse<String> signUp(Http http, String email, String name, String password) {
        http.get("/signup");
        return http.postForm("/signup", Map.of("email", email, "displayName", name, "password", password, "planCode", ""));
    }

    @Test
    void signingUpLogsYouInAndTheHomePageSaysWhereToStart() {
        Http http = new Http(port);
        HttpResponse<String> r = signUp(http, "pat@example.org", "Pat Builder", "build it together");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/");
        String dashboard = http.get("/").body();
        assertThat(dashboard).contains("Pat Builder").contains("Log out").contains("your account is ready and you are logged in")
                .contains("id=\"start-here\"").contains("id=\"next-module\"").contains("class=\"open-run\"");
        assertThat(http.get("/api/v1/members/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aTakenEmailIsShownBesideTheEmailFieldAndNothingIsStored() {
        long before = members();
        HttpResponse<String> r = signUp(new Http(port), "member@demo.local", "Someone", "a perfectly fine phrase");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).containsPattern("id=\"email-error\"[^>]*>an account with this email exists already");
        assertThat(r.body()).doesNotContain("a perfectly fine phrase");
        assertThat(members()).isEqualTo(before);
    }

    @Test
    void signUpsNamingExistingAccountsAreLimitedPerClientAndEachOwnerIsTold() {
        probes.forgetAll(); // another test's probes from this address
        try {
            for (int i = 0; i < SignUpProbes.FREE; i++) {
                assertThat(signUp(new Http(port), "member@demo.local", "Probe", "a perfectly fine phrase").statusCode())
                        .isEqualTo(422);
            }
            assertThat(mailer.latest()).filteredOn(m -> m.recipient().equals("member@demo.local"))
                    .filteredOn(m -> m.subject().contains("Someone tried to sign up with your address")).hasSizeGreaterThanOrEqualTo(SignUpProbes.FREE)
                    .allSatisfy(m -> assertThat(m.body()).contains("/password-reset").contains("no account was made"));
            long before = members();
            HttpResponse<String> limited = signUp(new Http(port), "fresh-after-probes@example.org", "Fresh", "a perfectly fine phrase");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.body()).containsPattern("id=\"email-error\"[^>]*>too many sign-ups from your network");
            assertThat(members()).isEqualTo(before);
        } finally {
            probes.forgetAll();
        }
        assertThat(signUp(new Http(port), "fresh-after-probes@example.org", "Fresh", "a perfectly fine phrase").statusCode())
                .isEqualTo(302);
    }

    @Test
    void missingFieldsAndAWeakPasswordAreEachShownBesideTheirField() {
        long before = members();
        HttpResponse<String> missing = signUp(new Http(port), "", "", "");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"email-error\"", "id=\"displayName-error\"", "id=\"password-error\"");

        HttpResponse<String> weak = signUp(new Http(port), "weak@example.org", "Weak Link", "1234567890");
        assertThat(weak.body()).containsPattern("id=\"password-error\"[^>]*>this is one of the most common passwords");
        assertThat(weak.body()).contains("value=\"weak@example.org\"");
        assertThat(members()).isEqualTo(before);
    }

    @Test
    void aPlanChosenOnThePlansPageIsPreselected() {
        String page = new Http(port).get("/signup?plan=value-share").body();
        assertThat(page).containsPattern("<option value=\"value-share\" selected");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Http http = new Http(port);
        HttpResponse<String> r = http.postForm("/signup", Map.of("email", "csrf@example.org", "displayName", "X",
                "password", "no token no entry"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from member where email = 'csrf@example.org'").query(Long.class).single()).isZero();
    }

    @Test
    void publicPagesNeedNoAccountWhileTheMemberListIsForStewards() {
        Http visitor = new Http(port);
        for (String page : new String[] {"/", "/plans", "/equipment", "/learn", "/ledger", "/network", "/designs"}) {
            assertThat(visitor.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(visitor.get("/profile").statusCode()).isEqualTo(302);

        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        assertThat(member.get("/members").statusCode()).isEqualTo(403);
        assertThat(member.get("/profile").body()).contains("Mia Member").contains("Full member");

        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        assertThat(steward.get("/members").statusCode()).isEqualTo(200); // other tests add members: search, not the first page
        assertThat(steward.get("/members?q=demo.local").body()).contains("Mia Member").contains("Victor Gray");
        String fragment = steward.get("/members/rows?q=okafor").body();
        assertThat(fragment).contains("Ada Okafor").doesNotContain("Mia Member").doesNotContain("<html");
    }

    @Test
    void aStewardDeactivatesAMemberFromTheirPage() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        long id = jdbc.sql("select id from member where email = 'ravi.patel@demo.local'").query(Long.class).single();
        steward.get("/members/" + id);
        HttpResponse<String> r = steward.postForm("/members/" + id + "/deactivate", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(steward.get("/members/" + id).body()).contains("is deactivated and can no longer log in")
                .contains("deactivated on");
        assertThat(steward.get("/members/424242").statusCode()).isEqualTo(404);
    }
}
