package microfactory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One gate service, shown where members meet gated work: their badges page, the machine and the build task. */
@DatabaseTest
class GatesTest {

    @LocalServerPort int port;

    @Test
    void aMemberSeesWhatTheirBadgesUnlockAndWhatToLearnForTheRest() {
        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        String page = member.get("/badges").body();
        assertThat(page).contains("What your badges unlock").contains("/equipment/machines/robot-arm");
        JsonNode unlocks = JsonMapper.builder().build().readTree(new Http(port).as("member@demo.local", "demo-member")
            .get("/api/v1/members/me/unlocks").body());
        JsonNode robot = null;
        for (JsonNode u : unlocks) {
            if (u.get("work").get("url").asString().endsWith("/robot-arm")) {
                robot = u;
            }
        }
        assertThat(robot).isNotNull();
        assertThat(robot.get("gate").get("allowed").asBoolean()).isFalse(); // welding 3: the demo member is a beginner
        assertThat(robot.get("gate").get("skill").asString()).isEqualTo("welding");
    }

    @Test
    void aDesignsBuildTasksSayWhetherTheMemberMayTakeThem() {
        Http member = new Http(port);
        member.login("steward@demo.local", "demo-steward");
        String page = member.get("/designs/lifetrac").body();
        assertThat(page).contains("<th>You</th>").contains("class=\"task-gate\"").contains("✓ you may");
        assertThat(new Http(port).get("/designs/lifetrac").body()).doesNotContain("class=\"task-gate\"");
    }
}
