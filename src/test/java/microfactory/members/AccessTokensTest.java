package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal access tokens: shown once, stored hashed, scoped, revocable; a Bearer token stands for its member. */
@DatabaseTest
class AccessTokensTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private JsonNode make(String name, String scope) {
        HttpResponse<String> r = new Http(port).as("steward@demo.local", "demo-steward").json("POST", "/api/v1/members/me/tokens",
                "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(r.body());
    }

    private HttpResponse<String> bearer(String token, String method, String path, String body) {
        return new Http(port).withHeader("Authorization", "Bearer " + token).json(method, path, body);
    }

    @Test
    void aTokenStandsForItsMemberWithinItsScopeUntilRevoked() {
        JsonNode write = make("bank import", "WRITE");
        String token = write.get("token").asString();
        assertThat(token).startsWith("mft_");
        assertThat(jdbc.sql("select count(*) from access_token where token_hash = :t").param("t", token).query(Long.class).single())
                .as("only a hash is stored").isZero();
        assertThat(bearer(token, "GET", "/api/v1/members/me", null).body()).contains("steward@demo.local");
        HttpResponse<String> transfer = bearer(token, "POST", "/api/v1/ledger/transfers", """
                {"transfers":[{"id":"token-1","code":"workshop","memo":"by token",
                  "postings":[{"account":"bank","side":"DEBIT","amount":100,"currency":"USD"},
                              {"account":"workshop-income","side":"CREDIT","amount":100,"currency":"USD"}]}]}""");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);

        String read = make("dashboard", "READ").get("token").asString();
        assertThat(bearer(read, "GET", "/api/v1/members/me", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = bearer(read, "POST", "/api/v1/ledger/transfers", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("may only read");

        long id = write.get("details").get("id").asLong();
        assertThat(new Http(port).as("steward@demo.local", "demo-steward").json("DELETE", "/api/v1/members/me/tokens/" + id, null)
                .statusCode()).isEqualTo(204);
        assertThat(bearer(token, "GET", "/api/v1/members/me", null).statusCode()).isEqualTo(401);
        assertThat(bearer("mft_made-up", "GET", "/api/v1/members/me", null).statusCode()).isEqualTo(401);
        assertThat(new Http(port).as("steward@demo.local", "demo-steward").get("/api/v1/members/me/tokens").body())
                .contains("bank import").contains("\"revokedAt\":\"").doesNotContain("mft_");
    }
}
