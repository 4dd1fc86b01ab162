package microfactory.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import microfactory.Microfactory;
import microfactory.ledger.LedgerService;
import microfactory.support.Cli;
import microfactory.support.Http;
import microfactory.support.TestDatabase;

/** {@code chapter init} founds a chapter before any server runs; then the server serves it, with no demo. */
@Tag("db")
class ChapterInitTest {

    @TempDir Path dir;

    private String database() {
        return TestDatabase.onPostgres() ? TestDatabase.freshPostgresUrl()
                : "jdbc:h2:file:" + dir.resolve("db/microfactory") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private String user() {
        return TestDatabase.onPostgres() ? "postgres" : "sa";
    }

    @Test
    void initFoundsTheChapterOnceAndTheServerThenServesIt() throws Exception {
        String url = database();
        Path keyFile = dir.resolve("keys/key-encryption.key");
        String[] init = {"chapter", "init", "--name", "Lagos Microfactory", "--currency", "NGN", "--time-zone", "Africa/Lagos",
            "--public-url", "https://lagos.microfactory.example", "--admin-email", "ada@lagos.example",
            "--admin-password", "we build tractors", "--admin-name", "Ada Obi",
            "--spring.datasource.url=" + url, "--spring.datasource.username=" + user(), "--spring.datasource.password=",
            "--microfactory.key-file=" + keyFile};
        var first = Cli.run(init);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Founded the chapter 'Lagos Microfactory' (NGN, Africa/Lagos)")
                .contains("lagos.microfactory.example/ledger").contains("bank").contains(keyFile.toString());
        assertThat(Files.exists(keyFile)).isTrue();

        var second = Cli.run(init);
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("already holds the chapter 'Lagos Microfactory'");

        // The server, demo on as by default: the chapter exists, so no demo is loaded and it serves Lagos.
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Microfactory.class).bannerMode(Banner.Mode.OFF)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
                        "--spring.datasource.password=", "--microfactory.key-file=" + keyFile, "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            String home = new Http(port).get("/").body();
            assertThat(home).contains("Lagos Microfactory").doesNotContain("Maysville");
            assertThat(server.getBean(LedgerService.class).origin()).isEqualTo("lagos.microfactory.example/ledger");
            HttpResponse<String> me = new Http(port).as("ada@lagos.example", "we build tractors").get("/api/v1/members/me");
            assertThat(me.body()).contains("\"role\":\"ADMIN\"").contains("Ada Obi");
            assertThat(new Http(port).get("/api/v1/equipment/bays").body()).isEqualTo("[]");
        }
    }

    @Test
    void badInputExitsTwoAndCreatesNothing() {
        Path db = dir.resolve("bad/microfactory");
        var bad = Cli.run("chapter", "init", "--name", "X", "--currency", "XYZ", "--time-zone",
                "Mars/Olympus", "--public-url", "not a url", "--admin-email", "nobody", "--admin-password", "short",
                "--spring.datasource.url=jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--currency").contains("--time-zone").contains("--public-url").contains("--admin-email")
                .contains("--admin-password").contains("Nothing was created");
        assertThat(Files.exists(dir.resolve("bad"))).isFalse();
    }
}
