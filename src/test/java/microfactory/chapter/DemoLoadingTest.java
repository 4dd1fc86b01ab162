package microfactory.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import microfactory.Microfactory;
import microfactory.support.Http;

/**
 * A first start with the demo answers at once: while the demo chapter loads (after the port opens), pages say so and
 * the API answers 503 with Retry-After; then the chapter opens whole — its ledger never half-loaded.
 */
class DemoLoadingTest {

    @TempDir Path dir;

    @Test
    void theDemoLoadsAfterThePortOpensAndNothingIsServedHalfLoaded() throws Exception {
        String url = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Microfactory.class).bannerMode(Banner.Mode.OFF)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
                        "--microfactory.key-file=" + dir.resolve("kek"), "--microfactory.demo.background=true", "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> early = new Http(port).page("/");
            HttpResponse<String> api = new Http(port).get("/api/v1/ledger");
            if (early.statusCode() == 503) { // the usual case: the demo takes seconds, the request milliseconds
                assertThat(early.body()).contains("id=\"demo-loading\"");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.headers().firstValue("Retry-After")).contains("2");
            }
            assertThat(new Http(port).get("/actuator/health").statusCode()).isEqualTo(200);
            long deadline = System.currentTimeMillis() + 120_000;
            HttpResponse<String> home = new Http(port).page("/");
            while (home.statusCode() == 503 && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
                home = new Http(port).page("/");
            }
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Maysville Microfactory");
            assertThat(new Http(port).get("/api/v1/ledger").body()).doesNotContain("\"size\":0");
        }
    }
}
