package microfactory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.designs.Design;
import microfactory.designs.DesignService;
import microfactory.equipment.EquipmentService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
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

    @Autowired LearningService learning;
    @Autowired MemberService members;
    @Autowired EquipmentService equipment;
    @Autowired DesignService designs;

    @Test
    void theDemoCurriculumLeadsToEverySkillItsMachinesAndBuildsNeed() {
        Member fresh = members.signUp(new SignUp("route@example.org", "Rowan Route", "many hands build", null, null));
        Set<String> needs = new TreeSet<>();
        equipment.machines().forEach(m -> needs.add(m.skill() + ":" + m.level()));
        for (Design d : designs.catalogue(null)) {
            designs.content(d.slug()).tasks().forEach(t -> t.skills().forEach(n -> needs.add(n.skill() + ":" + n.level())));
        }
        assertThat(needs).contains("electrical:1", "assembly:1", "painting:1", "woodworking:1", "solar:1");
        for (String need : needs) {
            String[] p = need.split(":");
            Gate gate = learning.gate(fresh.id(), p[0], Integer.parseInt(p[1]));
            assertThat(gate.qualifyingModules()).as("a module that reaches " + need).isNotEmpty()
                    .allMatch(m -> m.skill().equals(p[0]) && m.level() >= Integer.parseInt(p[1]));
        }
        // A hint keeps its promise: level 2 is not offered a module that grants level 1.
        assertThat(learning.gate(fresh.id(), "hydraulics", 2).qualifyingModules()).extracting(Module::code)
                .containsExactly("hydraulic-circuits");
    }
}
