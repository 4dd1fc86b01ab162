package microfactory.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import microfactory.Microfactory;
import microfactory.designs.DesignKit;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.support.Cli;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.TestDatabase;

/**
 * The demo chapter's kit, as a new user takes it: downloaded anonymously, checked, and a second chapter founded from it on
 * a database of its own, which then serves the same designs, curriculum and plans and says where it came from.
 */
@DatabaseTest
class KitChapterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort int port;
    @TempDir Path dir;

    private byte[] download() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kit"))
                .header("Accept", "application/zip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Set-Cookie")).as("no session for an anonymous download").isEmpty();
        return r.body();
    }

    private String database(String name) {
        return TestDatabase.onPostgres() ? TestDatabase.freshPostgresUrl()
                : "jdbc:h2:file:" + dir.resolve(name + "/microfactory") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static String user() {
        return TestDatabase.onPostgres() ? "postgres" : "sa";
    }

    private String[] init(String kit, String url) {
        return new String[] {"chapter", "init", "--kit", kit, "--name", "Lagos Microfactory", "--time-zone", "Africa/Lagos",
            "--public-url", "https://lagos.microfactory.example", "--admin-email", "ada@lagos.example", "--admin-password", "we build tractors",
            "--spring.datasource.url=" + url, "--spring.datasource.username=" + user(), "--spring.datasource.password=",
            "--microfactory.key-file=" + dir.resolve("keys/key-encryption.key")};
    }

    private static List<String> values(String json, String field) throws IOException {
        return JSON.readTree(json).findValuesAsText(field).stream().sorted().toList();
    }

    @Test
    void theDemoKitDownloadsAnonymouslyAndHoldsUnderTheChaptersKey() throws Exception {
        String vkey = new Http(port).get("/ledger/key").body().strip();
        KitArchive.Kit kit = KitArchive.read(download(), vkey);
        assertThat(kit.manifest().chapter()).isEqualTo("Maysville Microfactory");
        assertThat(kit.files()).containsKeys("designs/index.json", "curriculum/modules.json", "curriculum/skills-moodle.csv",
                "equipment.json", "plans.json", "funding/campaign-templates.json", "economics.json", "HANDBOOK.md", "ledger/checkpoint");

        JsonNode designs = JSON.readTree(new Http(port).get("/api/v1/designs").body());
        assertThat(DesignKit.index(kit.files())).hasSize(designs.size());
        String moodle = new String(kit.files().get("curriculum/skills-moodle.csv"), StandardCharsets.UTF_8);
        assertThat(moodle.lines().findFirst().orElseThrow()).startsWith("\"Parent ID number\",\"ID number\",\"Short name\",Description,");
        assertThat(new String(kit.files().get("HANDBOOK.md"), StandardCharsets.UTF_8)).contains("Maysville Microfactory");

        String page = new Http(port).page("/kit").body();
        assertThat(page).contains("id=\"download\"").contains(vkey).contains("chapter init --kit kit.zip");
    }

    @Test
    void aSecondChapterFoundedFromTheKitServesTheSameKnowHowAndItsLineage() throws Exception {
        Path file = dir.resolve("kit.zip");
        var export = Cli.run("kit", "export", "http://localhost:" + port, file.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Wrote " + file).contains("Maysville Microfactory");
        assertThat(Cli.run("kit", "verify", file.toString()).code()).isZero();

        String url = database("lagos");
        var founded = Cli.run(init(file.toString(), url));
        assertThat(founded.code()).as(founded.err()).isZero();
        assertThat(founded.out()).contains("Founded the chapter 'Lagos Microfactory' (USD, Africa/Lagos)")
                .contains("replicated from:       Maysville Microfactory");
        var again = Cli.run(init(file.toString(), url));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds the chapter 'Lagos Microfactory'");

        Http origin = new Http(port);
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Microfactory.class).bannerMode(Banner.Mode.OFF)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user(), "--spring.datasource.password=",
                        "--microfactory.key-file=" + dir.resolve("keys/key-encryption.key"), "--logging.level.root=WARN")) {
            Http lagos = new Http(((WebServerApplicationContext) server).getWebServer().getPort());
            assertThat(values(lagos.get("/api/v1/designs").body(), "slug")).isEqualTo(values(origin.get("/api/v1/designs").body(), "slug"));
            assertThat(values(lagos.get("/api/v1/learning/modules").body(), "code"))
                    .containsAll(values(origin.get("/api/v1/learning/modules").body(), "code"));
            assertThat(values(lagos.get("/api/v1/plans").body(), "code")).isEqualTo(values(origin.get("/api/v1/plans").body(), "code"));
            JsonNode tractor = JSON.readTree(lagos.get("/api/v1/designs/lifetrac").body());
            JsonNode original = JSON.readTree(origin.get("/api/v1/designs/lifetrac").body());
            assertThat(tractor.path("licence").asText()).isEqualTo(original.path("licence").asText());
            assertThat(tractor.path("versions").size()).isEqualTo(original.path("versions").size());

            String home = lagos.get("/").body();
            assertThat(home).contains("Lagos Microfactory").contains("id=\"lineage\"").contains("Replicated from").contains("Maysville Microfactory");
            assertThat(lagos.get("/api/v1/ledger/entries?limit=50").body()).contains("chapter.replicated");
        }
    }

    @Test
    void aKitWithOneChangedByteIsRefusedAndNothingIsCreated() throws Exception {
        byte[] tampered = KitArchiveTest.rewrite(download(), e -> {
            byte[] handbook = e.get("HANDBOOK.md");
            handbook[handbook.length / 2] ^= 0x01;
        });
        Path file = dir.resolve("tampered.zip");
        Files.write(file, tampered);

        var verify = Cli.run("kit", "verify", file.toString());
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err()).contains("HANDBOOK.md was changed");

        String url = database("refused");
        var refused = Cli.run(init(file.toString(), url));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--kit: refused: HANDBOOK.md").contains("Nothing was created.");
        if (!TestDatabase.onPostgres()) {
            assertThat(Files.exists(dir.resolve("refused"))).as("no database file was made").isFalse();
        }
        // Whatever the database, it is still empty: the whole kit founds a chapter there afterwards.
        Path whole = dir.resolve("whole.zip");
        Files.write(whole, download());
        assertThat(Cli.run(init(whole.toString(), url)).code()).isZero();
    }

    @Test
    void aKitWhoseForkDropsItsShareAlikeLicenceFoundsNothing() throws Exception {
        KitArchive.Kit kit = KitArchive.read(download(), null);
        Map<String, byte[]> files = new LinkedHashMap<>(kit.files());
        ArrayNode index = (ArrayNode) JSON.readTree(files.get("designs/index.json"));
        index.forEach(d -> {
            if (d.path("slug").asText().equals("lifetrac-maysville")) {
                ((ObjectNode) d).put("licence", "MIT");
            }
        });
        files.put("designs/index.json", JSON.writeValueAsBytes(index));
        // Signed again by whoever changed it, as a kit passed around may be: whole and signed, yet its terms broken.
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KitArchive.Manifest m = kit.manifest();
        String vkey = NoteKeys.verifier(m.origin(), key.getPublic()).vkey();
        int id = NoteKeys.keyId(m.origin(), NoteKeys.raw(key.getPublic()));
        byte[] relicensed = KitArchive.write(new KitArchive.Manifest(m.format(), m.chapter(), m.publicUrl(), m.currency(), m.timeZone(), m.origin(),
                vkey, m.checkpoint(), m.createdAt(), m.counts(), List.of()), files, text -> SignedNote.sign(text, m.origin(), key.getPrivate(), id));
        Path file = dir.resolve("relicensed.zip");
        Files.write(file, relicensed);
        assertThat(Cli.run("kit", "verify", file.toString()).code()).isZero();

        var refused = Cli.run(init(file.toString(), database("relicensed")));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("lifetrac-maysville").contains("GPL-3.0-or-later is share-alike").contains("MIT is not one of them")
                .contains("Nothing was created.");
    }
}
