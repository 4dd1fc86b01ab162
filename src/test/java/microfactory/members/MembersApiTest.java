package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
class MembersApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(r).get("status").asInt()).isEqualTo(status);
        assertThat(json(r).get("detail").asString()).isNotBlank();
    }

    @Test
    void noLoginOrAWrongPasswordIs401AndAMemberIsKeptFromStewardWork() {
        assertProblem(new Http(port).get("/api/v1/members"), 401);
        assertProblem(new Http(port).as("steward@demo.local", "nope-nope-nope").get("/api/v1/members"), 401);
        assertProblem(new Http(port).as("member@demo.local", "demo-member").get("/api/v1/members"), 403);
    }

    @Test
    void aMemberReadsThemselvesWithHttpBasic() {
        HttpResponse<String> r = new Http(port).as("member@demo.local", "demo-member").get("/api/v1/members/me");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("email").asString()).isEqualTo("member@demo.local");
        assertThat(json(r).get("membership").get("planCode").asString()).isEqualTo("flat-dues");
    }

    @Test
    void theBrowserSessionWorksOnTheApiAndItsWritesNeedTheCsrfToken() {
        Http browser = new Http(port);
        assertThat(browser.login("steward@demo.local", "demo-steward").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/v1/members/me").statusCode()).isEqualTo(200);
        assertProblem(browser.json("POST", "/api/v1/members/3/deactivate", null), 403);
    }

    @Test
    void plansArePublicToReadAndOnlyStewardsWriteThem() {
        HttpResponse<String> r = new Http(port).get("/api/v1/plans");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).findValuesAsString("code")).contains("flat-dues", "value-share", "learner");
        String body = """
                {"code":"solar-coop","name":"Solar co-op","kind":"VALUE_SHARE","valueShareBp":750,"currency":"USD",
                 "usufructRight":true,"trainingRight":true,"description":"7.5% of what you produce"}""";
        assertProblem(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/plans", body), 403);
        HttpResponse<String> created = steward().json("POST", "/api/v1/plans", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/plans/solar-coop");
        assertThat(json(new Http(port).get("/api/v1/plans/solar-coop")).get("valueShareBp").asInt()).isEqualTo(750);
    }

    @Test
    void validationNamesEveryBadField() {
        HttpResponse<String> r = steward().json("POST", "/api/v1/plans",
                "{\"code\":\"Bad Code\",\"kind\":\"FLAT_DUES\",\"currency\":\"usd\",\"annualDuesMinor\":-5}");
        assertProblem(r, 400);
        assertThat(json(r).get("errors").findValuesAsString("field"))
                .contains("code", "name", "currency", "annualDuesMinor", "usufructRight", "trainingRight");
    }

    @Test
    void malformedJsonAndWrongTypesSayWhatIsWrong() {
        HttpResponse<String> broken = steward().json("POST", "/api/v1/plans", "{\"code\": \"x\",\n \"name\": }");
        assertProblem(broken, 400);
        assertThat(json(broken).get("detail").asString()).contains("Malformed JSON at line 2");

        HttpResponse<String> wrongType = steward().json("POST", "/api/v1/plans",
                "{\"code\":\"typo\",\"annualDuesMinor\":\"five thousand\"}");
        assertProblem(wrongType, 400);
        assertThat(json(wrongType).get("detail").asString()).contains("annualDuesMinor").contains("whole number");

        HttpResponse<String> wrongEnum = steward().json("PUT", "/api/v1/members/3/role", "{\"role\":\"KING\"}");
        assertProblem(wrongEnum, 400);
        assertThat(json(wrongEnum).get("detail").asString()).contains("role").contains("STEWARD");

        HttpResponse<String> badId = steward().get("/api/v1/members/abc");
        assertProblem(badId, 400);
        assertThat(json(badId).get("detail").asString()).contains("'id' must be a whole number");
    }

    @Test
    void unknownIdsPathsAndMethodsAreProblemsToo() {
        assertProblem(steward().get("/api/v1/members/987654"), 404);
        assertProblem(steward().get("/api/v1/plans/no-such-plan"), 404);
        assertProblem(steward().get("/api/v1/no-such-thing"), 404);
        assertProblem(steward().json("DELETE", "/api/v1/members/3", null), 405);
    }

    @Test
    void aStewardAddsDeactivatesAndReactivatesAMember() {
        HttpResponse<String> created = steward().json("POST", "/api/v1/members", """
                {"email":"welder@example.org","displayName":"Wanda Welder","password":"sparks fly upward","planCode":"learner","role":"MEMBER"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(json(created).get("role").asString()).isEqualTo("MEMBER"); // only an admin makes stewards

        HttpResponse<String> taken = steward().json("POST", "/api/v1/members", """
                {"email":"WELDER@example.org","displayName":"Copy","password":"sparks fly upward"}""");
        assertProblem(taken, 400);
        assertThat(json(taken).get("errors").get(0).get("field").asString()).isEqualTo("email");

        assertThat(json(steward().json("POST", "/api/v1/members/" + id + "/deactivate", null)).get("active").asBoolean()).isFalse();
        assertProblem(new Http(port).as("welder@example.org", "sparks fly upward").get("/api/v1/members/me"), 401);
        assertThat(json(steward().json("POST", "/api/v1/members/" + id + "/reactivate", null)).get("active").asBoolean()).isTrue();
        assertThat(new Http(port).as("welder@example.org", "sparks fly upward").get("/api/v1/members/me").statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionListsTheMemberAndPlanEndpoints() {
        HttpResponse<String> r = new Http(port).get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = json(r).get("paths");
        assertThat(paths.has("/api/v1/members")).isTrue();
        assertThat(paths.has("/api/v1/members/{id}")).isTrue();
        assertThat(paths.has("/api/v1/plans/{code}")).isTrue();
        assertThat(json(r).get("openapi").asString()).startsWith("3.");
    }
}
