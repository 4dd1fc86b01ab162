package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import microfactory.Microfactory;
import microfactory.kit.KitArchive;
import microfactory.ledger.tlog.Cosignatures;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.support.Cli;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.TestDatabase;

/**
 * Two chapters on one machine, as a new user would link them: each follows the other by its address, each witnesses the
 * other's ledger, the demo's checkpoint carries Lagos's cosignature, and {@code ledger verify --quorum} counts it.
 */
@DatabaseTest
class NetworkChapterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort int port;
    @TempDir Path dir;

    @Test
    void twoChaptersFollowAndWitnessEachOther() throws Exception {
        String url = TestDatabase.onPostgres() ? TestDatabase.freshPostgresUrl()
                : "jdbc:h2:file:" + dir.resolve("lagos/microfactory") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String user = TestDatabase.onPostgres() ? "postgres" : "sa";
        String keyFile = "--microfactory.key-file=" + dir.resolve("keys/key-encryption.key");
        var founded = Cli.run("chapter", "init", "--name", "Lagos Microfactory", "--currency", "NGN", "--time-zone", "Africa/Lagos",
                "--public-url", "https://lagos.microfactory.example", "--admin-email", "ada@lagos.example", "--admin-password", "we build tractors",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=", keyFile);
        assertThat(founded.code()).as(founded.err()).isZero();
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Microfactory.class).bannerMode(Banner.Mode.OFF)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
                        keyFile, "--logging.level.root=WARN", "--microfactory.network.first-check=3650d", "--microfactory.network.first-witness=3650d")) {
            int lagosPort = ((WebServerApplicationContext) server).getWebServer().getPort();
            Http demo = new Http(port).as("steward@demo.local", "demo-steward");
            Http lagos = new Http(lagosPort).as("ada@lagos.example", "we build tractors");

            // A chapter founded without the demo publishes its kit and its network pages from the first hour.
            HttpResponse<byte[]> kit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + lagosPort + "/kit"))
                    .header("Accept", "application/zip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(kit.statusCode()).isEqualTo(200);
            assertThat(KitArchive.read(kit.body(), new Http(lagosPort).get("/ledger/key").body().strip()).manifest().chapter())
                    .isEqualTo("Lagos Microfactory");
            for (String page : new String[] {"/kit", "/network", "/network/output", "/network/market", "/network/replicability"}) {
                assertThat(new Http(lagosPort).page(page).statusCode()).as(page).isEqualTo(200);
            }

            JsonNode description = JSON.readTree(new Http(lagosPort).get("/.well-known/microfactory").body());
            assertThat(description.path("name").asText()).isEqualTo("Lagos Microfactory");
            assertThat(description.path("ledger").path("origin").asText()).isEqualTo("lagos.microfactory.example/ledger");
            String lagosWitness = description.path("witness").path("key").asText();
            assertThat(new Http(lagosPort).get("/.well-known/microfactory.sig").body()).startsWith("lagos.microfactory.example/ledger\nmicrofactory-chapter/1\nsha256:");

            HttpResponse<String> placed = lagos.json("PUT", "/api/v1/network/place", "{\"latitude\":6.5244,\"longitude\":3.3792}");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
            HttpResponse<String> nowhere = lagos.json("PUT", "/api/v1/network/place", "{\"latitude\":91,\"longitude\":-200}");
            assertThat(nowhere.statusCode()).isEqualTo(400);
            assertThat(nowhere.body()).contains("\"field\":\"latitude\"").contains("\"field\":\"longitude\"");
            assertThat(JSON.readTree(new Http(lagosPort).get("/.well-known/microfactory").body()).path("place").path("latitude").asDouble())
                    .isEqualTo(6.5244);

            HttpResponse<String> followed = demo.json("POST", "/api/v1/network/chapters", "{\"url\":\"http://localhost:" + lagosPort + "/\"}");
            assertThat(followed.statusCode()).as(followed.body()).isEqualTo(201);
            assertThat(JSON.readTree(followed.body()).path("status").asText()).isEqualTo("VERIFIED");
            long lagosId = JSON.readTree(followed.body()).path("id").asLong();
            assertThat(demo.json("POST", "/api/v1/network/chapters", "{\"url\":\"http://localhost:" + lagosPort + "\"}").statusCode())
                    .as("followed once").isEqualTo(409);
            HttpResponse<String> back = lagos.json("POST", "/api/v1/network/chapters", "{\"url\":\"http://localhost:" + port + "\"}");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(201);

            HttpResponse<String> cosigned = demo.json("POST", "/api/v1/network/cosignatures", null);
            assertThat(cosigned.body()).as(cosigned.body()).contains("\"witness\":\"Lagos Microfactory\"").contains("\"cosigned\":true");
            String checkpoint = new Http(port).get("/ledger/checkpoint").body();
            assertThat(checkpoint).contains("\u2014 lagos.microfactory.example/witness ");

            var quorum = Cli.run("ledger", "verify", "http://localhost:" + port + "/ledger", "--quiet", "--witness", lagosWitness, "--quorum", "1");
            assertThat(quorum.code()).as(quorum.err()).isZero();
            assertThat(quorum.out()).contains("cosigned by lagos.microfactory.example/witness").contains("OK: the ledger verifies.");
            var stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String other = Cosignatures.cosigner("elsewhere.example/witness", NoteKeys.raw(stranger.getPublic())).vkey();
            var tooFew = Cli.run("ledger", "verify", "http://localhost:" + port + "/ledger", "--quiet", "--witness", lagosWitness, "--witness", other,
                    "--quorum", "2");
            assertThat(tooFew.code()).isEqualTo(1);
            assertThat(tooFew.err()).contains("only 1 of the 2 witnesses");

            assertThat(JSON.readTree(demo.json("POST", "/api/v1/network/chapters/" + lagosId + "/check", null).body()).path("status").asText())
                    .isEqualTo("VERIFIED");
            String networkPage = new Http(port).page("/network").body();
            assertThat(networkPage).contains("Lagos Microfactory").contains("id=\"witness-key\"");
            String map = networkPage.substring(networkPage.indexOf("id=\"network-map\""), networkPage.indexOf("</svg>", networkPage.indexOf("id=\"network-map\"")));
            // 3.3792° E, 6.5244° N on a 720 × 360 equirectangular map
            assertThat(map).contains("<circle cx=\"367.0\" cy=\"167.0\"").contains("Lagos Microfactory");
            assertThat(JSON.readTree(new Http(lagosPort).get("/api/v1/network/chapters").body()).get(0).path("witnessedSize").asLong())
                    .as("Lagos, the witness, moved to the demo's size").isPositive();

            // The network's output, each chapter's figures from its ledger verified in full here.
            JsonNode summary = JSON.readTree(new Http(port).get("/api/v1/network/summary").body());
            JsonNode economics = JSON.readTree(new Http(port).get("/api/v1/economics").body());
            List<String> counted = summary.path("chapters").findValuesAsText("name");
            assertThat(counted).contains("Maysville Microfactory", "Lagos Microfactory");
            assertThat(summary.path("unverified").findValuesAsText("name")).doesNotContain("Lagos Microfactory");
            JsonNode own = summary.path("chapters").get(counted.indexOf("Maysville Microfactory"));
            assertThat(own.path("units").asLong()).isEqualTo(economics.path("unitsProduced").asLong()).isPositive();
            assertThat(own.path("valueProducedMinor").asLong()).isEqualTo(economics.path("valueProducedMinor").asLong());
            assertThat(own.path("members").asLong()).isPositive();
            assertThat(summary.path("unitsByDesign").path("3d-printer").asLong()).isPositive();
            assertThat(summary.path("units").asLong()).isGreaterThanOrEqualTo(own.path("units").asLong());
            assertThat(new Http(port).page("/network/output").body()).contains("id=\"by-chapter\"").contains("Lagos Microfactory")
                    .contains("3d-printer");

            // An improvement travels: both chapters have a design; the demo makes a new version; Lagos pulls, sees it, takes it.
            byte[] bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/designs/wall-module-4x8/bundle")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(demo.sendBytes("POST", "/api/v1/designs?slug=wall-net", "application/zip", bundle).statusCode()).isEqualTo(201);
            assertThat(lagos.sendBytes("POST", "/api/v1/designs?slug=wall-net", "application/zip", bundle).statusCode()).isEqualTo(201);
            HttpResponse<String> version = demo.json("POST", "/api/v1/designs/wall-net/versions",
                    "{\"label\":\"9.1\",\"notes\":\"Stronger studs\",\"bom\":\"part,quantity\\nstud 2x6,14\\nOSB sheet,2\\n\"}");
            assertThat(version.statusCode()).as(version.body()).isEqualTo(201);
            long demoId = JSON.readTree(back.body()).path("id").asLong();
            HttpResponse<String> pulled = lagos.json("POST", "/api/v1/network/chapters/" + demoId + "/pull", null);
            assertThat(pulled.body()).as(pulled.body()).contains("\"offered\":1");
            JsonNode offered = JSON.readTree(lagos.get("/api/v1/network/improvements").body()).get(0);
            assertThat(offered.path("designSlug").asText()).isEqualTo("wall-net");
            assertThat(offered.path("label").asText()).isEqualTo("9.1");
            assertThat(offered.path("status").asText()).isEqualTo("OFFERED");
            assertThat(offered.path("changes").asText()).contains("BOM adds stud 2x6 × 14");
            assertThat(lagos.json("POST", "/api/v1/network/improvements/" + offered.path("id").asLong() + "/decline", "{\"reason\":\" \"}")
                    .statusCode()).as("a reason is needed").isEqualTo(400);
            HttpResponse<String> accepted = lagos.json("POST", "/api/v1/network/improvements/" + offered.path("id").asLong() + "/accept", null);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(JSON.readTree(accepted.body()).path("provenance").asText()).contains("version 9.1, commit ")
                    .contains("localhost:" + port);
            assertThat(lagos.json("POST", "/api/v1/network/improvements/" + offered.path("id").asLong() + "/accept", null).statusCode())
                    .as("taken once").isEqualTo(409);
            assertThat(new Http(lagosPort).page("/designs/wall-net").body()).contains("class=\"provenance\"").contains("Stronger studs");
            assertThat(lagos.json("POST", "/api/v1/network/chapters/" + demoId + "/pull", null).body()).as("nothing new the second time")
                    .contains("\"offered\":0");

            // Had the demo's version 9.1 come with another BOM before, its history was rewritten: Lagos stops believing it.
            server.getBean(JdbcClient.class).sql("update network_improvement set bom = 'part,quantity\nstud 2x6,12\n' where label = '9.1'").update();
            assertThat(lagos.json("POST", "/api/v1/network/chapters/" + demoId + "/pull", null).body()).contains("rewrote the history of wall-net");
            assertThat(JSON.readTree(lagos.get("/api/v1/network/chapters/" + demoId).body()).path("status").asText()).isEqualTo("UNVERIFIED");
        }
    }

    @Test
    void aChapterThatCannotBeFollowedIsRefusedWithTheReason() {
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        HttpResponse<String> nobody = steward.json("POST", "/api/v1/network/chapters", "{\"url\":\"http://localhost:1\"}");
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("\"field\":\"url\"").contains("did not answer");
        assertThat(steward.json("POST", "/api/v1/network/chapters", "{\"url\":\"ftp://example.org\"}").body()).contains("https://host");
        HttpResponse<String> self = steward.json("POST", "/api/v1/network/chapters", "{\"url\":\"http://localhost:" + port + "\"}");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("is this chapter");
        HttpResponse<String> notAChapter = steward.json("POST", "/api/v1/network/chapters", "{\"url\":\"http://localhost:" + port + "/designs\"}");
        assertThat(notAChapter.statusCode()).isEqualTo(400);
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/network/chapters",
                "{\"url\":\"http://localhost:1\"}").statusCode()).isEqualTo(403);

        Http browser = new Http(port);
        browser.login("steward@demo.local", "demo-steward");
        browser.page("/network");
        assertThat(browser.postForm("/network/place", Map.of("latitude", "north", "longitude", "3.4")).statusCode()).isEqualTo(302);
        String page = browser.page("/network").body();
        assertThat(page).contains("id=\"latitude-problem\"").contains("value=\"north\"").doesNotContain("id=\"longitude-problem\"");
        browser.postForm("/network/follow", Map.of("url", "http://localhost:1"));
        assertThat(browser.page("/network").body()).contains("id=\"follow-problem\"").contains("did not answer");
    }

    @Test
    void theMarketModelShowsEachInputWithWhereItCameFromAndRefusesBadOnes() throws Exception {
        JsonNode model = JSON.readTree(new Http(port).get("/api/v1/network/market").body());
        assertThat(model.path("product").asText()).isEqualTo("cars");
        assertThat(model.path("inputs").findValuesAsText("from")).anySatisfy(f -> assertThat(f).startsWith("the source"))
                .anySatisfy(f -> assertThat(f).startsWith("measured"));
        assertThat(model.path("incumbents").findValuesAsText("name")).containsExactly("Tesla", "Ford", "Toyota");
        JsonNode given = JSON.readTree(new Http(port).get("/api/v1/network/market?chapters=1000&bays=12&buildsPerBayPerMonth=1"
                + "&unitsPerBuild=1&lifetimeMultiplier=10").body());
        assertThat(given.path("networkOutput").asDouble()).isEqualTo(1_440_000.0);

        HttpResponse<String> bad = new Http(port).get("/api/v1/network/market?bays=-1&growth=lots");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"bays\"").contains("\"field\":\"growth\"");
        assertThat(new Http(port).get("/api/v1/network/market?product=tractors").body()).contains("\"field\":\"incumbents\"");
        assertThat(JSON.readTree(new Http(port).get("/api/v1/network/market?product=tractors&incumbents=Deere:60000,Kubota:180000").body())
                .path("incumbents").size()).isEqualTo(2);

        String page = new Http(port).page("/network/market").body();
        assertThat(page).contains("id=\"market-chart\"").contains("Toyota 10M").contains("the nominal 10k facilities worldwide");
        HttpResponse<String> wrong = new Http(port).page("/network/market?bays=many");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"bays-problem\"").contains("value=\"many\"");
    }
}
