package microfactory.designs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

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
    void theDesignPageShowsTheBomTreeCostTaskChartAndLineage() {
        String page = new Http(port).get("/designs/lifetrac").body();
        assertThat(page).contains("id=\"bom-tree\"").contains("wheel unit").contains("class=\"critical\"")
                .contains("id=\"unit-minutes\"").contains("bundle.zip").contains("LifeTrac tractor (Maysville fork)");
        assertThat(new Http(port).get("/designs").body()).contains("CEB Press").contains("House wall module");
        assertThat(new Http(port).get("/import-design").statusCode()).isEqualTo(302); // stewards only
    }
}
