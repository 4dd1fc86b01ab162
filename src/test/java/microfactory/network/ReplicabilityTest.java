package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import microfactory.designs.BuildTask;
import microfactory.designs.DesignService;
import microfactory.equipment.EquipmentService;
import microfactory.equipment.Machine;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** The replicability scorecard: each criterion computed from the chapter's records, with its evidence and what to do next. */
@DatabaseTest
class ReplicabilityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort int port;
    @Autowired DesignService designs;
    @Autowired EquipmentService equipment;

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

        // optimization: 25 points for each version after the first (and each improvement accepted, none here)
        JsonNode optimization = criterion(card, "design optimization");
        assertThat(optimization.path("score").asInt()).isEqualTo(Math.min(100, 25 * (designs.versions("lifetrac").size() - 1)));

        assertThat(new Http(port).get("/api/v1/designs/no-such-design/replicability").statusCode()).isEqualTo(404);
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
