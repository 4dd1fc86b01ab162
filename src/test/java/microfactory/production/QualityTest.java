package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A unit's quality record: its build's checks with their standard, the final inspection by a badge holder, pass rates. */
@DatabaseTest
class QualityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired ProductionService production;

    Run printers() {
        return production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
                .min(Comparator.comparingLong(Run::id)).orElseThrow();
    }

    @Test
    void aBuiltUnitShowsEveryCheckWithItsStandardAndPassesOnceInspected() {
        Run run = printers();
        String serial = production.units(run.id()).get(0).serial();
        JsonNode record = JSON.readTree(new Http(port).get("/api/v1/units/" + serial).body());
        JsonNode quality = record.path("quality");
        assertThat(quality.path("status").asString()).isEqualTo("passed"); // the demo's steward signed it
        JsonNode calibration = null;
        for (JsonNode t : quality.path("tasks")) {
            if (t.path("task").asString().equals("T1")) {
                calibration = t;
            }
        }
        assertThat(calibration).isNotNull();
        assertThat(calibration.path("standard").asString()).contains("calibration cube");
        assertThat(calibration.path("checks").get(0).path("item").asString()).isEqualTo("test cube within 0.2 mm");
        assertThat(calibration.path("checks").get(0).path("by").asString()).startsWith("m-");
        assertThat(quality.path("inspection").path("by").asString()).startsWith("m-");
        assertThat(new Http(port).get("/api/v1/units/" + serial).body()).doesNotContain("@demo.local");
    }

    @Test
    void onlyAHolderOfTheQualityBadgeSignsTheFinalInspectionAndAFailureFailsTheUnit() {
        Run run = printers();
        String serial = production.units(run.id()).get(5).serial(); // the one the demo left uninspected
        assertThat(JSON.readTree(new Http(port).get("/api/v1/units/" + serial + "/quality").body()).path("status").asString())
            .isEqualTo("pending");
        HttpResponse<String> member = new Http(port).as("member@demo.local", "demo-member").json("POST",
                "/api/v1/units/" + serial + "/inspection", "{\"passed\": true}");
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.body()).contains("quality badge at level 2");
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        assertThat(steward.json("POST", "/api/v1/units/" + serial + "/inspection", "{\"passed\": false}").body())
            .contains("\"field\":\"note\"");
        HttpResponse<String> failed = steward.json("POST", "/api/v1/units/" + serial + "/inspection",
                "{\"passed\": false, \"note\": \"Z axis binds at 180 mm\"}");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(failed.body()).path("status").asString()).isEqualTo("failed");
        long index = JSON.readTree(failed.body()).path("inspection").path("ledgerIndex").asLong();
        assertThat(new Http(port).get("/api/v1/ledger/entries/" + index).body()).contains("unit.inspected").contains("Z axis binds");

        JsonNode design = JSON.readTree(new Http(port).get("/api/v1/units/quality?design=3d-printer").body());
        assertThat(design.path("units").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(design.path("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(design.path("tasks").get(0).path("percent").decimalValue()).isPositive();

        Http page = new Http(port);
        page.login("steward@demo.local", "demo-steward");
        assertThat(page.page("/production/units/" + serial).body()).contains("id=\"qc-status\"").contains("failed").contains("Z axis binds");
        page.postForm("/production/units/" + serial + "/inspection", Map.of("passed", "true", "note", "Z axis re-aligned, runs free"));
        assertThat(page.page("/production/units/" + serial).body()).contains("Final inspection signed: the unit passes");
        assertThat(page.page("/production/quality/3d-printer").body()).contains("id=\"task-rates\"");
    }
}
