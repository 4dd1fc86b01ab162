package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.designs.DesignService;
import microfactory.ledger.LedgerService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A built unit carries its design version's price, shared among its builders by minutes worked; a member reads theirs. */
@DatabaseTest
class ValueGeneratedTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired ProductionService production;
    @Autowired DesignService designs;
    @Autowired LedgerService ledger;
    @LocalServerPort int port;

    Unit aDemoPrinter() {
        Run workshop = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
            .findFirst().orElseThrow();
        return production.units(workshop.id()).get(0);
    }

    @Test
    void aBuiltUnitsValueIsOnTheLedgerSharedByItsBuildersAndEachReadsTheirShare() {
        Unit printer = aDemoPrinter();
        long price = designs.version("3d-printer", designs.view("3d-printer").version().label()).referencePriceMinor();
        JsonNode data = JSON.readTree(ledger.entry(printer.ledgerIndex()).json()).path("data");
        assertThat(data.path("valueMinor").asLong()).isEqualTo(price);
        long shared = 0;
        for (JsonNode share : data.path("shares")) {
            shared += share.path("valueMinor").asLong();
            assertThat(share.path("minutes").asInt()).isPositive();
        }
        assertThat(shared).isEqualTo(price);

        String builder = data.path("shares").get(0).path("member").asString();
        long theirShare = data.path("shares").get(0).path("valueMinor").asLong();
        String from = LocalDate.now().minusDays(60).toString();
        var steward = new Http(port).as("steward@demo.local", "demo-steward");
        var read = steward.get("/api/v1/members/" + builder + "/value?from=" + from);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode value = JSON.readTree(read.body());
        assertThat(value.path("totalMinor").asLong()).isGreaterThanOrEqualTo(theirShare);
        assertThat(read.body()).contains(printer.serial());
        long sum = 0;
        for (JsonNode c : value.path("contributions")) {
            sum += c.path("valueMinor").asLong();
        }
        assertThat(sum).isEqualTo(value.path("totalMinor").asLong());
    }

    @Test
    void aMemberReadsOnlyTheirOwnValueAndAPeriodMustRunForwards() {
        Unit printer = aDemoPrinter();
        var member = new Http(port).as("member@demo.local", "demo-member");
        assertThat(member.get("/api/v1/members/me/value").statusCode()).isEqualTo(200);
        var other = member.get("/api/v1/members/" + printer.builders().get(0) + "/value");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("/api/v1/members/me/value");
        var backwards = member.get("/api/v1/members/me/value?from=2026-05-02&to=2026-05-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("from");
        assertThat(member.get("/api/v1/members/me/value?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(new Http(port).get("/api/v1/members/me/value").statusCode()).isEqualTo(401);
        assertThat(new Http(port).as("steward@demo.local", "demo-steward").get("/api/v1/members/m-nobody/value").statusCode()).isEqualTo(404);
    }

    @Test
    void stewardsPriceAVersionAndANegativePriceIsRefused() {
        var steward = new Http(port).as("steward@demo.local", "demo-steward");
        String label = designs.view("solar-panel").version().label();
        var priced = steward.json("PUT", "/api/v1/designs/solar-panel/versions/" + label + "/price", "{\"amountMinor\": 31000}");
        assertThat(priced.statusCode()).isEqualTo(200);
        assertThat(priced.body()).contains("\"referencePriceMinor\":31000");
        var negative = steward.json("PUT", "/api/v1/designs/solar-panel/versions/" + label + "/price", "{\"amountMinor\": -1}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("amountMinor");
        assertThat(new Http(port).as("member@demo.local", "demo-member")
            .json("PUT", "/api/v1/designs/solar-panel/versions/" + label + "/price", "{\"amountMinor\": 1}").statusCode()).isEqualTo(403);
        steward.json("PUT", "/api/v1/designs/solar-panel/versions/" + label + "/price", "{\"amountMinor\": 30000}");
    }
}
