package microfactory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** What does not exist is a 404, for a visitor too; what exists and is protected still asks for a login. */
@DatabaseTest
class NotFoundTest {

    @LocalServerPort int port;

    @Test
    void unknownPagesAndEndpointsAreNotFoundNotLogins() {
        HttpResponse<String> page = new Http(port).page("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is nothing at this address");
        HttpResponse<String> api = new Http(port).get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new Http(port).json("POST", "/api/v1/no-such-thing", "{}").statusCode()).isEqualTo(404);

        assertThat(new Http(port).page("/members").statusCode()).isEqualTo(302);
        assertThat(new Http(port).get("/api/v1/members").statusCode()).isEqualTo(401);
        assertThat(new Http(port).json("POST", "/api/v1/ledger/transfers", "{}").statusCode()).isEqualTo(401);
    }
}
