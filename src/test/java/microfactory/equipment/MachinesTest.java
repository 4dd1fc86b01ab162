package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

@DatabaseTest
class MachinesTest {

    @LocalServerPort int port;
    @Autowired EquipmentService equipment;

    @Test
    void theFloorListsMachinesWithTheBadgeEachNeedsAndALabelEach() {
        assertThat(equipment.machines()).hasSizeGreaterThanOrEqualTo(10);
        String floor = new Http(port).get("/equipment").body();
        assertThat(floor).contains("CNC torch table").contains("welding ≥ 3");
        String labels = new Http(port).get("/equipment/labels").body();
        assertThat(labels.split("<figure class=\"label\">", -1)).hasSize(equipment.machines().size() + 1);
        assertThat(new Http(port).get("/api/v1/equipment/machines").body()).contains("\"type\":\"torch-table\"");
        assertThat(new Http(port).get("/api/v1/equipment/bays").body()).contains("B01");
    }

    @Test
    void aMachinePageSaysWhetherYouMayUseItAndWhatToLearnIfNot() {
        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        String robot = member.get("/equipment/machines/robot-arm").body();
        assertThat(robot).contains("id=\"gate\"").contains("You need welding level 3").contains("Robot-arm welding");
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        assertThat(steward.get("/equipment/machines/robot-arm").body()).contains("You may use it");
        assertThat(new Http(port).get("/equipment/machines/robot-arm").body()).contains("Log in").contains("<svg");
        assertThat(new Http(port).get("/equipment/machines/no-such").statusCode()).isEqualTo(404);
    }

    @Test
    void stewardsTakeAMachineOutOfServiceWithAReasonAndItLeavesTheSchedulableSet() {
        int before = equipment.inServiceByType().getOrDefault("laminator", 0);
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.get("/equipment/machines/laminator");
        steward.postForm("/equipment/machines/laminator/status", Map.of("inService", "false", "reason", ""));
        assertThat(equipment.machine("laminator").inService()).isTrue();
        steward.get("/equipment/machines/laminator");
        steward.postForm("/equipment/machines/laminator/status", Map.of("inService", "false", "reason", "heating element failed"));
        assertThat(steward.get("/equipment/machines/laminator").body()).contains("out of service: heating element failed");
        assertThat(equipment.inServiceByType().getOrDefault("laminator", 0)).isEqualTo(before - 1);
        HttpResponse<String> api = new Http(port).as("steward@demo.local", "demo-steward").json("PUT",
                "/api/v1/equipment/machines/laminator/status", "{\"inService\":true}");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(equipment.machine("laminator").inService()).isTrue();
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("PUT", "/api/v1/equipment/machines/laminator/status",
                "{\"inService\":false,\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(new Http(port).postForm("/equipment/machines/laminator/status", Map.of("inService", "false")).statusCode())
                .isIn(302, 403);
    }
}
