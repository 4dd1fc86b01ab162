package microfactory.designs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

@DatabaseTest
class DesignsWebTest {

    @LocalServerPort int port;
    @Autowired DesignService designs;

    HttpResponse<String> postZip(String user, String password, String path, byte[] zip) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/zip")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyoneReadsTheCatalogueAndADesignsBomTasksAndBundle() throws Exception {
        assertThat(new Http(port).get("/api/v1/designs?q=press").body()).contains("ceb-press").doesNotContain("solar-panel");
        String design = new Http(port).get("/api/v1/designs/lifetrac").body();
        assertThat(design).contains("\"criticalPath\":[\"T01\"").contains("\"flat\"").contains("\"cost\":{\"USD\"");
        HttpResponse<byte[]> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/designs/solar-panel/bundle")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(DesignBundle.read(bundle.body()).content().name()).isEqualTo("Solar panel 300 W");
        assertThat(new Http(port).get("/api/v1/designs/no-such-design").statusCode()).isEqualTo(404);
    }

    @Test
    void stewardsImportBundlesMembersCannotAndBadOnesAreProblems() throws Exception {
        byte[] zip = designs.bundle("wall-module-4x8");
        assertThat(postZip("member@demo.local", "demo-member", "/api/v1/designs?slug=wall-2", zip).statusCode()).isEqualTo(403);
        HttpResponse<String> created = postZip("steward@demo.local", "demo-steward", "/api/v1/designs?slug=wall-2", zip);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> again = postZip("steward@demo.local", "demo-steward", "/api/v1/designs?slug=wall-2", zip);
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> junk = postZip("steward@demo.local", "demo-steward", "/api/v1/designs", "not a zip".getBytes());
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(junk.body()).contains("no okh.toml");
    }

    @Test
    void aStewardImportsLooseFilesWithAPreviewEditsAndAddsAVersion() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.get("/import-design");
        byte[] bom = "level,part,quantity,unit,type,unit_price,currency\n1,frame,1,pcs,assembly,,\n2,tube,4,pcs,bought,12.50,USD\n"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> bad = steward.postMultipart("/import-design/preview", Map.of("name", "Cart", "licence", "Open"),
                Map.of("cart.csv", bom));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Nothing was imported").contains("licence: 'Open' is not an SPDX licence id").doesNotContain("okh.toml: license");
        steward.get("/import-design");
        HttpResponse<String> preview = steward.postMultipart("/import-design/preview",
                Map.of("name", "Garden cart", "licence", "CERN-OHL-S-2.0"), Map.of("cart.csv", bom));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Garden cart").contains("id=\"import-button\"");
        String payload = preview.body().replaceAll("(?s).*name=\"payload\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> imported = steward.postForm("/import-design", Map.of("payload", payload, "slug", "garden-cart"));
        assertThat(imported.headers().firstValue("Location").orElseThrow()).endsWith("/designs/garden-cart");
        assertThat(designs.view("garden-cart").bom().cost()).containsEntry("USD", 5_000L);

        steward.get("/designs/garden-cart/edit");
        HttpResponse<String> wrong = steward.postForm("/designs/garden-cart/edit", Map.of("name", "Garden cart",
                "description", "Carries soil", "licence", "CERN-OHL-S-2.0", "authors", "Maysville", "status", "RELEASED",
                "links", "photo not-a-url"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"links-error\"");
        steward.postForm("/designs/garden-cart/edit", Map.of("name", "Garden cart", "description", "Carries soil",
                "licence", "CERN-OHL-S-2.0", "authors", "Maysville", "status", "RELEASED", "links", "Photo https://example.org/cart.jpg"));
        assertThat(steward.get("/designs/garden-cart").body()).contains("Carries soil").contains("https://example.org/cart.jpg");

        steward.get("/designs/garden-cart/edit");
        byte[] v2 = "level,part,quantity,unit,type,unit_price,currency\n1,frame,1,pcs,assembly,,\n2,tube,6,pcs,bought,12.50,USD\n"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> version = steward.postMultipart("/designs/garden-cart/versions", Map.of("label", "1.1",
                "notes", "longer bed"), Map.of("bom=cart-v2.csv", v2));
        assertThat(version.statusCode()).as(version.body()).isEqualTo(302);
        assertThat(designs.view("garden-cart").version().label()).isEqualTo("1.1");
        assertThat(designs.view("garden-cart").bom().cost()).containsEntry("USD", 7_500L);
        assertThat(designs.view("garden-cart", "1.0").bom().cost()).containsEntry("USD", 5_000L);
        assertThat(new Http(port).get("/designs/garden-cart/edit").statusCode()).isEqualTo(302); // visitors cannot edit
    }

    @Test
    void theApiEditsDesignsAndAddsVersionsWithProblemsNamedByLine() {
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        HttpResponse<String> bad = steward.json("PUT", "/api/v1/designs/solar-panel", """
                {"name":"Solar panel 300 W","description":"x","licence":"Proprietary","authors":"a","status":"RELEASED","links":""}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"licence\"");
        HttpResponse<String> cycle = steward.json("POST", "/api/v1/designs/solar-panel/versions", """
                {"label":"1.1","tasks":"code,name,minutes,bay,skills,machines,predecessors,checklist\\nA,one,5,,solar:1x1,,B,\\nB,two,5,,solar:1x1,,A,\\n"}""");
        assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(400);
        assertThat(cycle.body()).contains("wait for each other");
        HttpResponse<String> tooLong = steward.json("POST", "/api/v1/designs/solar-panel/versions", """
                {"label":"1.2","bomFile":"bom.csv","bom":"level,part,quantity,unit\\n1,cell,sixty,pcs\\n"}""");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("bom.csv:2: the quantity 'sixty' is not a number");
        HttpResponse<String> ok = steward.json("POST", "/api/v1/designs/solar-panel/versions", """
                {"label":"1.3","notes":"72 cells","bomFile":"bom.csv","bom":"level,part,quantity,unit,type,unit_price,currency\\n1,cell,72,pcs,bought,1.90,USD\\n"}""");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(designs.view("solar-panel").bom().cost()).containsEntry("USD", 13_680L);
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("PUT", "/api/v1/designs/solar-panel", "{}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theDesignPageShowsTheBomTreeCostTaskChartAndLineage() {
        String page = new Http(port).get("/designs/lifetrac").body();
        assertThat(page).contains("id=\"bom-tree\"").contains("wheel unit").contains("class=\"critical\"")
                .contains("id=\"unit-minutes\"").contains("bundle.zip").contains("LifeTrac tractor (Maysville fork)");
        assertThat(new Http(port).get("/designs").body()).contains("CEB Press").contains("House wall module");
        assertThat(new Http(port).get("/import-design").statusCode()).isEqualTo(302); // stewards only
    }

    @Test
    void aShareAlikeDesignKeepsACompatibleLicenceInForksAndEdits() {
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        HttpResponse<String> open = steward.json("POST", "/api/v1/designs/solar-panel/fork",
                "{\"slug\":\"solar-panel-mit\",\"name\":\"Panel\",\"licence\":\"MIT\"}");
        assertThat(open.statusCode()).isEqualTo(400);
        assertThat(open.body()).contains("\"field\":\"licence\"").contains("CERN-OHL-S-2.0 is share-alike").contains("MIT is not one of them");
        assertThat(steward.get("/api/v1/designs/solar-panel-mit").statusCode()).as("nothing was stored").isEqualTo(404);

        HttpResponse<String> kept = steward.json("POST", "/api/v1/designs/ceb-press/fork",
                "{\"slug\":\"ceb-press-gpl\",\"name\":\"CEB press (GPL)\",\"licence\":\"GPL-3.0-or-later\"}");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
        assertThat(kept.body()).contains("\"licence\":\"GPL-3.0-or-later\"");

        HttpResponse<String> edit = steward.json("PUT", "/api/v1/designs/ceb-press-gpl",
                "{\"name\":\"CEB press (GPL)\",\"licence\":\"CC-BY-SA-4.0\",\"status\":\"RELEASED\"}");
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(edit.body()).contains("GPL-3.0-or-later is share-alike").contains("CC-BY-SA-4.0 is not one of them");

        Http browser = new Http(port);
        browser.login("steward@demo.local", "demo-steward");
        assertThat(browser.page("/designs/solar-panel").body()).contains("id=\"fork-licence\"").doesNotContain("id=\"fork-problem\"");
        var refused = browser.postForm("/designs/solar-panel/fork", Map.of("name", "Panel", "licence", "CC-BY-4.0"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(browser.page("/designs/solar-panel").body()).contains("id=\"fork-problem\"").contains("CC-BY-4.0 is not one of them")
                .contains("value=\"CC-BY-4.0\"");
    }

    @Test
    void aRepositorysZipImportsWithItsRootPathsLicenceNameAndColumnsAndThePreviewSaysHow() throws Exception {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.get("/import-design");
        HttpResponse<String> preview = steward.postMultipart("/import-design/preview", Map.of(),
                Map.of("garden-frame-main.zip", DesignBundleTest.repositoryZip()));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"mapped\"").contains("read as CC-BY-SA-4.0")
                .contains("read from the repository's root: hardware/bom.csv").contains("id=\"import-button\"");

        HttpResponse<String> created = postZip("steward@demo.local", "demo-steward", "/api/v1/designs?slug=garden-frame", DesignBundleTest.repositoryZip());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"licence\":\"CC-BY-SA-4.0\"");
        assertThat(designs.content("garden-frame").lines()).hasSize(4);
    }
}
