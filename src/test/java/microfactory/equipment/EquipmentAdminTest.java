package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** Stewards add, change and remove bays and machines; what is in use stays, and the refusal says what uses it. */
@DatabaseTest
class EquipmentAdminTest {

    @LocalServerPort int port;
    @Autowired EquipmentService equipment;

    private Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    @Test
    void stewardsAddChangeAndRemoveABayAndAMachineThroughTheApi() {
        HttpResponse<String> bay = steward().json("POST", "/api/v1/equipment/bays",
                "{\"code\":\"B13\",\"name\":\"Bike bay\",\"kind\":\"assembly\",\"areaM2\":40,\"description\":\"Bicycles\"}");
        assertThat(bay.statusCode()).as(bay.body()).isEqualTo(201);
        assertThat(bay.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/equipment/bays/B13");
        HttpResponse<String> twice = steward().json("POST", "/api/v1/equipment/bays",
                "{\"code\":\"B13\",\"name\":\"Again\",\"kind\":\"assembly\",\"areaM2\":40}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("\"field\":\"code\"").contains("exists already");

        HttpResponse<String> changed = steward().json("PUT", "/api/v1/equipment/bays/B13",
                "{\"name\":\"Bicycle bay\",\"kind\":\"assembly\",\"areaM2\":45}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(equipment.bay("B13").name()).isEqualTo("Bicycle bay");

        HttpResponse<String> badMachine = steward().json("POST", "/api/v1/equipment/machines",
                "{\"code\":\"wheel-jig\",\"name\":\"Wheel jig\",\"type\":\"jig\",\"bayCode\":\"B99\",\"count\":0,\"skill\":\"safety\",\"level\":7}");
        assertThat(badMachine.statusCode()).isEqualTo(400);
        assertThat(badMachine.body()).contains("\"field\":\"bayCode\"").contains("\"field\":\"count\"").contains("\"field\":\"level\"");
        HttpResponse<String> machine = steward().json("POST", "/api/v1/equipment/machines",
                "{\"code\":\"wheel-jig\",\"name\":\"Wheel jig\",\"type\":\"jig\",\"bayCode\":\"B13\",\"count\":2,\"skill\":\"safety\",\"level\":1,\"hourlyRateMinor\":500}");
        assertThat(machine.statusCode()).as(machine.body()).isEqualTo(201);
        assertThat(equipment.machine("wheel-jig").hourlyRateMinor()).isEqualTo(500L);

        // A bay with a machine in it stays, and the refusal names the machine.
        HttpResponse<String> busyBay = steward().send("DELETE", "/api/v1/equipment/bays/B13", "application/json", "");
        assertThat(busyBay.statusCode()).isEqualTo(409);
        assertThat(busyBay.body()).contains("Wheel jig");
        assertThat(steward().send("DELETE", "/api/v1/equipment/machines/wheel-jig", "application/json", "").statusCode()).isEqualTo(204);
        assertThat(steward().send("DELETE", "/api/v1/equipment/bays/B13", "application/json", "").statusCode()).isEqualTo(204);
        assertThat(equipment.bays()).noneMatch(b -> b.code().equals("B13"));

        String audit = new Http(port).as("admin@demo.local", "demo-admin").get("/api/v1/admin/audit").body();
        assertThat(audit).contains("BAY_REMOVED").contains("MACHINE_ADDED").contains("steward@demo.local");
    }

    @Test
    void whatAScheduledBuildNeedsIsNotRemoved() {
        HttpResponse<String> torch = steward().send("DELETE", "/api/v1/equipment/machines/torch-table", "application/json", "");
        assertThat(torch.statusCode()).isEqualTo(409);
        assertThat(torch.body()).contains("scheduled build").contains("lifetrac").contains("torch-table");
        assertThat(equipment.machine("torch-table").code()).isEqualTo("torch-table");
    }

    @Test
    void membersAndVisitorsCannotChangeTheFloor() {
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/equipment/bays",
                "{\"code\":\"B14\",\"name\":\"x\",\"kind\":\"y\",\"areaM2\":1}").statusCode()).isEqualTo(403);
        assertThat(new Http(port).send("DELETE", "/api/v1/equipment/bays/B01", "application/json", "").statusCode()).isEqualTo(401);
        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        assertThat(member.page("/equipment/manage").statusCode()).isEqualTo(403);
    }

    @Test
    void onThePagesErrorsShowBesideTheFields() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        assertThat(steward.page("/equipment/manage").body()).contains("id=\"bays\"").contains("CNC torch table");
        steward.page("/equipment/manage/bays/new");
        HttpResponse<String> bad = steward.postForm("/equipment/manage/bays/new",
                Map.of("code", "B20", "name", "Paint shop", "kind", "painting", "areaM2", "big", "description", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"areaM2-error\"").contains("value=\"Paint shop\"");
        steward.page("/equipment/manage/machines/new");
        HttpResponse<String> rate = steward.postForm("/equipment/manage/machines/new", Map.of("code", "spray-gun", "name", "Spray gun",
                "type", "sprayer", "bayCode", "B04", "count", "2", "skill", "safety", "level", "1", "hourlyRate", "12.50"));
        assertThat(rate.statusCode()).isEqualTo(302);
        assertThat(equipment.machine("spray-gun").hourlyRateMinor()).isEqualTo(1250L);
        steward.page("/equipment/manage");
        HttpResponse<String> refused = steward.postForm("/equipment/manage/bays/B06/remove", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(steward.page("/equipment/manage").body()).contains("id=\"problem\"").contains("is in use");
    }

    @Test
    void aStewardSetsAPlansBookingRuleOnTheManagePage() {
        Http http = new Http(port);
        http.login("steward@demo.local", "demo-steward");
        String page = http.page("/equipment/manage").body();
        assertThat(page).contains("id=\"booking-rules\"").contains("id=\"rule-learner\"");
        http.postForm("/equipment/manage/booking-rules/learner", Map.of("daysAhead", "0", "leadMinutes", "30", "hoursPerWeek", "x"));
        assertThat(http.page("/equipment/manage").body()).contains("Not saved: daysAhead from 1 to 365 days; hoursPerWeek from 1 to 168 hours");
        http.postForm("/equipment/manage/booking-rules/learner", Map.of("daysAhead", "7", "leadMinutes", "60", "hoursPerWeek", "4"));
        assertThat(http.page("/equipment/manage").body()).contains("Booking rule of learner saved.");
        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        member.page("/equipment");
        assertThat(member.postForm("/equipment/manage/booking-rules/learner", Map.of("daysAhead", "300", "leadMinutes", "0",
                "hoursPerWeek", "100")).statusCode()).isEqualTo(403);
    }
}
