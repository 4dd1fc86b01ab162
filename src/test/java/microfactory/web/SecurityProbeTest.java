package microfactory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** What a probe of the running app found, each pinned down: sessions follow the account, roles, sessions, guessing. */
@DatabaseTest
class SecurityProbeTest {

    @LocalServerPort int port;
    @Autowired MemberService members;

    private Member account(String email, String name) {
        return members.signUp(new SignUp(email, name, "we build tractors", null, null));
    }

    private Http admin() {
        return new Http(port).as("admin@demo.local", "demo-admin");
    }

    @Test
    void aDemotedStewardsSessionLosesTheRightsAtOnceAndADeactivatedMembersSessionEnds() {
        Member s = account("demoted@example.org", "Dee Moted");
        assertThat(admin().json("PUT", "/api/v1/members/" + s.id() + "/role", "{\"role\":\"STEWARD\"}").statusCode()).isEqualTo(200);
        Http session = new Http(port);
        session.login("demoted@example.org", "we build tractors");
        assertThat(session.page("/members").statusCode()).isEqualTo(200);
        assertThat(admin().json("PUT", "/api/v1/members/" + s.id() + "/role", "{\"role\":\"MEMBER\"}").statusCode()).isEqualTo(200);
        assertThat(session.page("/members").statusCode()).as("the next request already knows").isEqualTo(403);
        assertThat(session.get("/api/v1/members").statusCode()).isEqualTo(403);

        Member m = account("leaving-session@example.org", "Lee Ving");
        Http theirs = new Http(port);
        theirs.login("leaving-session@example.org", "we build tractors");
        assertThat(theirs.page("/profile").statusCode()).isEqualTo(200);
        assertThat(admin().json("POST", "/api/v1/members/" + m.id() + "/deactivate", null).statusCode()).isEqualTo(200);
        HttpResponse<String> after = theirs.page("/profile");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void onlyAdminsMakeOrUnmakeStewardsAndAdmins() {
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        HttpResponse<String> makeAdmin = steward.json("POST", "/api/v1/members",
                "{\"email\":\"boss@example.org\",\"displayName\":\"Bo Ss\",\"password\":\"we build tractors\",\"role\":\"ADMIN\"}");
        assertThat(makeAdmin.statusCode()).isEqualTo(403);
        assertThat(members.findByEmail("boss@example.org")).isEmpty();
        long adminId = members.findByEmail("admin@demo.local").orElseThrow().id();
        assertThat(steward.json("PUT", "/api/v1/members/" + adminId + "/role", "{\"role\":\"MEMBER\"}").statusCode()).isEqualTo(403);
        assertThat(steward.json("POST", "/api/v1/members/" + adminId + "/deactivate", null).statusCode()).isEqualTo(403);
        Member plain = account("plain@example.org", "Plain Member");
        assertThat(steward.json("PUT", "/api/v1/members/" + plain.id() + "/role", "{\"role\":\"STEWARD\"}").statusCode()).isEqualTo(403);
        assertThat(steward.json("POST", "/api/v1/members/" + plain.id() + "/deactivate", null).statusCode()).isEqualTo(200);
        assertThat(members.findByEmail("admin@demo.local").orElseThrow().active()).isTrue();
    }

    @Test
    void aVisitorWhoOnlyReadsGetsNoSession() {
        for (String page : new String[] {"/", "/equipment", "/production", "/ledger", "/learn"}) {
            HttpResponse<String> r = new Http(port).page(page);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
    }

    @Test
    void pagesSayWhatABrowserMayDoAndTheSessionCookieStaysOnTheSite() {
        HttpResponse<String> home = new Http(port).page("/");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(home.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()");
        Http session = new Http(port);
        session.get("/login");
        HttpResponse<String> login = session.postForm("/login", Map.of("username", "member@demo.local", "password", "demo-member"));
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID") && c.contains("SameSite=Lax")
                && c.contains("HttpOnly"));
    }

    @Test
    void guessingPasswordsIsSlowedDownAndTheOwnerGetsInAfterTheWait() {
        account("guessed@example.org", "Gue Ssed");
        for (int i = 0; i < 5; i++) {
            assertThat(new Http(port).as("guessed@example.org", "wrong " + i).get("/api/v1/members/me").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = new Http(port).as("guessed@example.org", "wrong again").get("/api/v1/members/me");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(slowed.body()).contains("wait");

        Http form = new Http(port);
        form.get("/login");
        HttpResponse<String> page = form.postForm("/login", Map.of("username", "guessed@example.org", "password", "we build tractors"));
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login?wait=");
        assertThat(new Http(port).page("/login?wait=30").body()).contains("id=\"login-wait\"");
    }
}
