package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import microfactory.chapter.ChapterService;
import microfactory.common.Money;
import microfactory.designs.BuildTask;
import microfactory.designs.DesignService;
import microfactory.equipment.EquipmentService;
import microfactory.equipment.Machine;
import microfactory.funding.Campaign;
import microfactory.funding.CampaignService;
import microfactory.production.BuildHours;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunStatus;
import microfactory.production.Unit;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** The replicability scorecard: each criterion computed from the chapter's records, with its evidence and what to do next. */
@DatabaseTest
class ReplicabilityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort int port;
    @Autowired DesignService designs;
    @Autowired EquipmentService equipment;
    @Autowired ProductionService production;
    @Autowired CampaignService campaigns;
    @Autowired ChapterService chapter;
    @Autowired BuildHours hours;

    JsonNode criterion(JsonNode card, String name) {
        for (JsonNode c : card.path("criteria")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + name + " in " + card);
    }

    @Test
    void aDesignsCardScoresEachCriterionFromItsRecords() throws Exception {
        JsonNode card = JSON.readTree(new Http(port).get("/api/v1/designs/lifetrac/replicability").body());
        assertThat(card.path("criteria").findValuesAsText("name")).containsExactly("quality control", "tools for small-scale production",
                "self-marketability", "design optimization", "documentation");
        card.path("criteria").forEach(c -> {
            assertThat(c.path("score").asInt()).isBetween(0, 100);
            assertThat(c.path("evidence").asText()).isNotBlank();
        });

        // tools: the share of the tractor's tasks whose machine types are all in service here, computed here independently
        List<BuildTask> tasks = designs.view("lifetrac").tasks().tasks();
        Set<String> here = equipment.machines().stream().filter(Machine::inService).map(Machine::type).collect(Collectors.toSet());
        long doable = tasks.stream().filter(t -> here.containsAll(t.machines().keySet())).count();
        JsonNode tools = criterion(card, "tools for small-scale production");
        assertThat(tools.path("score").asInt()).isEqualTo((int) Math.round(100.0 * doable / tasks.size()));
        assertThat(tools.path("evidence").asText()).startsWith(doable + " of " + tasks.size() + " tasks");

        // optimization: 25 points for each version after the first (and each improvement accepted, none here), no completed build
        JsonNode optimization = criterion(card, "design optimization");
        assertThat(optimization.path("score").asInt()).isEqualTo(Math.min(75, 25 * (designs.versions("lifetrac").size() - 1)));
        assertThat(optimization.path("evidence").asText()).contains("no completed build yet");

        assertThat(new Http(port).get("/api/v1/designs/no-such-design/replicability").statusCode()).isEqualTo(404);
    }

    @Test
    void machineCostSalesAndHoursPerUnitComeFromTheChaptersRecords() throws Exception {
        JsonNode card = JSON.readTree(new Http(port).get("/api/v1/designs/3d-printer/replicability").body());

        // machine cost: each task's machine hours priced at the cheapest in-service rate of its type, computed here independently
        List<Machine> inService = equipment.machines().stream().filter(Machine::inService).toList();
        double costMinor = 0;
        for (BuildTask t : designs.view("3d-printer").tasks().tasks()) {
            for (Map.Entry<String, Integer> m : t.machines().entrySet()) {
                long rate = inService.stream().filter(x -> x.type().equals(m.getKey()) && x.hourlyRateMinor() != null)
                        .mapToLong(Machine::hourlyRateMinor).min().orElseThrow();
                costMinor += t.minutes() * m.getValue() / 60.0 * rate;
            }
        }
        assertThat(costMinor).isPositive();
        assertThat(criterion(card, "tools for small-scale production").path("evidence").asText())
                .contains("machine time per unit costs " + Money.of(Math.round(costMinor), chapter.currency()).formatted());

        // self-marketability: half for chapters (one: this one), a quarter for units sold, a quarter for seats filled
        List<Run> runs = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() != RunStatus.CANCELLED).toList();
        Set<Long> ids = runs.stream().map(Run::id).collect(Collectors.toSet());
        List<Unit> built = production.allUnits().stream().filter(u -> ids.contains(u.runId())).toList();
        long sold = built.stream().filter(u -> u.soldAt() != null).count();
        long signups = runs.stream().mapToLong(r -> production.signups(r.id()).size()).sum();
        long seats = runs.stream().mapToLong(r -> r.crewTarget() + r.traineeSeats()).sum();
        JsonNode market = criterion(card, "self-marketability");
        assertThat(market.path("score").asInt()).isEqualTo((int) Math.round(50.0 / Replicability.CHAPTERS_TO_REPLICATE
                + 25.0 * sold / built.size() + 25.0 * Math.min(1.0, (double) signups / seats)));
        assertThat(market.path("evidence").asText()).contains(built.size() + " units built here, " + sold + " sold")
                .contains("campaigns had " + campaigns.campaigns().stream().mapToLong(Campaign::backers).sum() + " backers");

        // optimization: the demo's printer workshop is one completed build; its person-hours per unit are the scheduled task
        // lengths times the people on each (the demo ticks its tasks off within a minute), over six units
        List<BuildHours.RunHours> curve = hours.ofDesign("3d-printer");
        assertThat(curve).hasSize(1);
        Run past = production.run(curve.get(0).runId());
        double personMinutes = production.schedule(past.id()).stream()
                .mapToDouble(t -> (t.endMinute() - t.startMinute()) * (t.people().size() + t.trainees().size())).sum();
        assertThat(curve.get(0).hoursPerUnit()).isCloseTo(personMinutes / 60 / past.quantity(), within(1e-9));
        assertThat(criterion(card, "design optimization").path("evidence").asText())
                .contains(String.format(Locale.ROOT, "%s %.1f h (%d units", past.startsOn(), curve.get(0).hoursPerUnit(), past.quantity()));
    }

    @Test
    void theEnterpriseAveragesItsDesignsAndThePageShowsWhatToDoNext() throws Exception {
        JsonNode enterprise = JSON.readTree(new Http(port).get("/api/v1/network/replicability").body());
        assertThat(enterprise.path("designs").size()).isEqualTo(designs.catalogue(null).size());
        assertThat(enterprise.path("criteria").size()).isEqualTo(5);
        double mean = 0;
        for (JsonNode d : enterprise.path("designs")) {
            mean += d.path("overall").asInt();
        }
        assertThat(enterprise.path("overall").asInt()).isEqualTo((int) Math.round(mean / enterprise.path("designs").size()));
        String page = new Http(port).page("/network/replicability").body();
        assertThat(page).contains("id=\"lifetrac\"").contains("To raise it").contains("self-marketability");
    }
}
