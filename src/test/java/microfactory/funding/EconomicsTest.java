package microfactory.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.DemoCalendar;
import microfactory.support.Cli;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The chapter's economics, public and provable: the API and `ledger report` on a mirror print the same figures. */
@DatabaseTest
class EconomicsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;

    @Test
    void theApiAndTheOfflineReportOnAMirrorAgreeFieldForField(@TempDir Path mirror) {
        String ledger = "http://localhost:" + port + "/ledger";
        assertThat(Cli.run("ledger", "export", ledger, mirror.toString()).code()).isZero();
        var report = Cli.run("ledger", "report", mirror.toString());
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode offline = JSON.readTree(report.out());
        JsonNode live = JSON.readTree(new Http(port).get("/api/v1/economics").body());
        assertThat(live.path("entries").asLong()).isEqualTo(offline.path("entries").asLong());
        assertThat(live).isEqualTo(offline);
        // The demo's founding campaign: 1,000 backers × $5,000, posted; the printers built in the workshop have value.
        assertThat(live.path("capitalRaisedMinor").asLong()).isEqualTo(500_000_000L);
        assertThat(live.path("valueProducedMinor").asLong()).isPositive();
        assertThat(live.path("months").size()).isGreaterThan(12);
        assertThat(live.path("paybackProjectedOn").asString()).isNotBlank();
        // The pledges were posted the day the founding campaign closed (their value date), not the day the demo loaded.
        String closed = YearMonth.from(DemoCalendar.foundingCampaignClosed(LocalDate.now())).toString();
        for (JsonNode m : live.path("months")) {
            assertThat(m.path("capitalRaisedMinor").asLong()).as(m.path("month").asString())
                .isEqualTo(m.path("month").asString().equals(closed) ? 500_000_000L : 0L);
        }
    }

    @Test
    void aReportOfALedgerThatDoesNotVerifyIsRefused(@TempDir Path empty) {
        var report = Cli.run("ledger", "report", empty.toString());
        assertThat(report.code()).isEqualTo(1);
        assertThat(report.err()).contains("FAIL").contains("key");
    }

    @Test
    void thePageDrawsThePaybackCurveAndTheBudgetDownloadsAsCsv() {
        var anyone = new Http(port);
        var page = anyone.get("/funding/economics");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"payback-curve\"").contains("id=\"baseline\"").contains("capital raised")
            .contains("$5,000,000.00").contains("/funding/economics/budget.csv");
        assertThat(anyone.page("/").body()).contains("id=\"actual\"").contains("So far, from the ledger");
        var csv = anyone.get("/funding/economics/budget.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("month,kind,account,name,amount_minor,amount,currency");
        assertThat(csv.body()).contains(",expense,site-expense,").contains(",income,dues-income,");
    }
}
