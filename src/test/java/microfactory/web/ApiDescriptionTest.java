package microfactory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description tells a client how to authenticate, who may call what, and what errors look like. */
@DatabaseTest
class ApiDescriptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    private JsonNode api() {
        HttpResponse<String> r = new Http(port).get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private record Op(String path, String method, JsonNode node) {
    }

    private static List<Op> operations(JsonNode api) {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                ops.add(new Op(path.getKey(), op.getKey().toUpperCase(), op.getValue()));
            }
        }
        return ops;
    }

    @Test
    void itNamesTheWaysToAuthenticateAndNoInternalTypes() {
        JsonNode api = api();
        assertThat(api.at("/info/title").asString()).isEqualTo("Microfactory API");
        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.propertyNames()).doesNotContain("ModelAndView", "View", "HttpStatus", "HttpStatusCode", "Join")
                .contains("JoinRun", "JoinPlan", ApiDescription.PROBLEM);
        assertThat(schemas.at("/JoinPlan/properties").has("planCode")).isTrue();
        assertThat(schemas.at("/JoinRun/properties").has("seat")).isTrue();
    }

    @Test
    void primitiveFieldsAreRequired() {
        JsonNode schemas = api().at("/components/schemas");
        assertThat(schemas.at("/NotificationChoices/required").values()).extracting(JsonNode::asString)
                .contains("badges", "runs", "seats");
        assertThat(schemas.at("/Attempt/required").values()).extracting(JsonNode::asString).contains("passed", "score");
        assertThat(schemas.at("/Verification/required").values()).extracting(JsonNode::asString).contains("valid");
    }

    @Test
    void everyOperationDescribesItsProblemsAndItsAudience() {
        for (Op op : operations(api())) {
            JsonNode responses = op.node().get("responses");
            assertThat(responses.at("/400/content/application~1problem+json/schema/$ref").asString())
                    .as(op.method() + " " + op.path()).endsWith("/" + ApiDescription.PROBLEM);
            assertThat(op.node().get("x-audience")).as(op.method() + " " + op.path()).isNotNull();
            boolean open = op.node().get("x-audience").asString().equals("anyone");
            assertThat(op.node().get("security").isEmpty()).as(op.method() + " " + op.path()).isEqualTo(open);
            assertThat(responses.has("401")).as(op.method() + " " + op.path()).isEqualTo(!open);
        }
    }

    /** The audience is read from the security rules; an anonymous call shows they agree. */
    @Test
    void theAudienceSaidIsTheOneTheServerEnforces() {
        JsonNode api = api();
        assertThat(api.at("/paths/~1api~1v1~1ledger~1entries/get/x-audience").asString()).isEqualTo("anyone");
        assertThat(api.at("/paths/~1api~1v1~1ledger~1transfers/post/x-audience").asString()).isEqualTo("steward");
        assertThat(api.at("/paths/~1api~1v1~1chapter/put/x-audience").asString()).isEqualTo("admin");
        assertThat(api.at("/paths/~1api~1v1~1members~1me/get/x-audience").asString()).isEqualTo("member");
        Http anonymous = new Http(port);
        Http member = new Http(port).as("member@demo.local", "demo-member");
        int checked = 0;
        for (Op op : operations(api)) {
            if (!op.method().equals("GET") || op.path().contains("{")) {
                continue;
            }
            String audience = op.node().get("x-audience").asString();
            int asAnonymous = anonymous.get(op.path()).statusCode();
            assertThat(asAnonymous == 401).as("anonymous GET " + op.path() + " (" + audience + ")")
                    .isEqualTo(!audience.equals("anyone"));
            if (audience.equals("steward") || audience.equals("admin")) {
                assertThat(member.get(op.path()).statusCode()).as("member GET " + op.path()).isEqualTo(403);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void ourProblemTypesAreDescribedAndOpenAsPages() {
        JsonNode api = api();
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(api.at("/info/description").asString()).contains(kind.path());
            HttpResponse<String> page = new Http(port).get(kind.path());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(kind.title()).contains(kind.meaning().substring(0, 30));
        }
        assertThat(new Http(port).get("/problems/no-such-kind").statusCode()).isEqualTo(404);

        HttpResponse<String> invalid = new Http(port).as("steward@demo.local", "demo-steward")
                .json("POST", "/api/v1/equipment/bays", "{}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(invalid.body());
        assertThat(problem.get("type").asString()).isEqualTo("http://localhost:" + port + "/problems/invalid-fields");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid fields");
        assertThat(problem.get("errors").size()).isPositive();
    }
}
