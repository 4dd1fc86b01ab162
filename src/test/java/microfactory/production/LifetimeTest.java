package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.designs.DesignService;
import microfactory.mail.Mailer;
import microfactory.members.MemberService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A unit's whole life: service with materials, upgrade with its BOM difference, requests, reminders, and its end. */
@DatabaseTest
class LifetimeTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired ProductionService production;
    @Autowired DesignService designs;
    @Autowired UnitLifetime lifetime;
    @Autowired MemberService members;
    @Autowired Mailer mailer;

    List<Unit> printers() {
        Run run = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
                .min(Comparator.comparingLong(Run::id)).orElseThrow();
        return production.units(run.id());
    }

    Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    @Test
    void theDemoServicedOnePrinterAndRecycledAnotherWhoseMaterialWentBackIntoStock() {
        String serviced = printers().get(1).serial();
        String recycled = printers().get(2).serial();
        String life = new Http(port).get("/api/v1/units/" + serviced).body();
        assertThat(life).contains("\"kind\":\"service\"").contains("Belts tensioned").contains("0.1 kg pla-filament");
        JsonNode end = JSON.readTree(new Http(port).get("/api/v1/units/" + recycled).body());
        assertThat(end.path("lifetime").get(end.path("lifetime").size() - 1).path("kind").asString()).isEqualTo("end of life");
        assertThat(new Http(port).get("/api/v1/materials/moves?material=recycled-filament&from=2000-01-01T00:00:00Z").body())
                .contains("\"unitSerial\":\"" + recycled + "\"").contains("\"kind\":\"recycle\"");
        List<String> sources = JSON.readTree(new Http(port).get("/api/v1/materials/flows").body()).path("links").valueStream()
                .map(l -> l.path("source").asString()).toList();
        assertThat(sources).contains("end of life");
        // nothing more happens to a unit after its end
        HttpResponse<String> again = steward().json("POST", "/api/v1/units/" + recycled + "/events", "{\"kind\": \"service\", \"note\": \"oil\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(steward().json("PUT", "/api/v1/units/" + recycled + "/owner", "{\"member\": \"member@demo.local\"}").statusCode()).isEqualTo(409);
        assertThat(new Http(port).page("/production/units/" + recycled).body()).contains("id=\"ended\"");
    }

    @Test
    void aRepairIssuesItsMaterialsAllOrNothingAndAnUpgradeSaysWhatChangedFromTheBom() {
        String serial = printers().get(1).serial();
        int before = production.units(printers().get(1).runId()).get(1).serial().length(); // the unit exists
        assertThat(before).isPositive();
        HttpResponse<String> tooMuch = steward().json("POST", "/api/v1/units/" + serial + "/events",
                "{\"kind\": \"repair\", \"note\": \"new hot end\", \"materials\": [{\"material\": \"pla-filament\", \"quantity\": 0.2},"
                        + " {\"material\": \"arduino-mega\", \"quantity\": 999}]}");
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(new Http(port).get("/api/v1/units/" + serial).body()).doesNotContain("new hot end");
        HttpResponse<String> repaired = steward().json("POST", "/api/v1/units/" + serial + "/events",
                "{\"kind\": \"repair\", \"note\": \"new hot end\", \"materials\": [{\"material\": \"pla-filament\", \"quantity\": 200, \"unit\": \"g\"}]}");
        assertThat(repaired.statusCode()).as(repaired.body()).isEqualTo(201);
        assertThat(repaired.body()).contains("new hot end").contains("0.2 kg pla-filament");
        assertThat(steward().json("POST", "/api/v1/units/" + serial + "/events", "{\"kind\": \"polish\", \"note\": \"x\"}").body())
                .contains("\"field\":\"kind\"");
        assertThat(steward().json("POST", "/api/v1/units/" + serial + "/events", "{\"kind\": \"service\"}").body()).contains("\"field\":\"note\"");
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/units/" + serial + "/events",
                "{\"kind\": \"service\", \"note\": \"x\"}").statusCode()).isEqualTo(403);

        if (designs.versions("3d-printer").stream().noneMatch(v -> v.label().equals("2.2"))) {
            designs.newVersion("3d-printer", "2.2", "a second hot end", "bom.csv", """
                    parent,part,quantity,unit,type
                    ,frame,1,pcs,assembly
                    frame,printed frame corner,8,pcs,made
                    ,hot end,2,pcs,bought
                    """, null);
        }
        HttpResponse<String> upgraded = steward().json("POST", "/api/v1/units/" + serial + "/events",
                "{\"kind\": \"upgrade\", \"version\": \"2.2\", \"note\": \"dual extrusion\"}");
        assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(201);
        assertThat(upgraded.body()).contains("Upgraded from 2.1 to 2.2").contains("hot end 1 → 2").contains("removed NEMA 17 stepper")
                .contains("\"upgradedTo\":\"2.2\"");
        assertThat(steward().json("POST", "/api/v1/units/" + serial + "/events", "{\"kind\": \"upgrade\", \"version\": \"2.2\", \"note\": \"x\"}")
                .body()).contains("is 2.2 already");
    }

    @Test
    void anOwnerAsksForServiceAStewardBooksItAndTheOwnerIsToldAndRemindedWhenDue() {
        Unit owned = printers().get(0);
        String owner = members.get(owned.ownerId()).email();
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/units/" + owned.serial() + "/service-requests",
                "{\"what\": \"noise\"}").statusCode()).isIn(403, 201); // the demo member may happen to own it
        List<ServiceRequest> open = lifetime.openRequests();
        ServiceRequest asked = open.stream().filter(r -> r.serial().equals(owned.serial())).findFirst().orElseThrow(); // the demo's
        assertThat(asked.what()).contains("extruder clicks");
        HttpResponse<String> past = steward().json("POST", "/api/v1/units/service-requests/" + asked.id() + "/book",
                "{\"when\": \"2020-01-01T10:00:00Z\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        HttpResponse<String> booked = steward().json("POST", "/api/v1/units/service-requests/" + asked.id() + "/book",
                "{\"when\": \"2030-01-10T15:00:00Z\", \"note\": \"bring the spare nozzle\"}");
        assertThat(booked.statusCode()).isEqualTo(200);
        assertThat(booked.body()).contains("\"status\":\"booked\"");
        assertThat(mailer.latest()).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo(owner);
            assertThat(m.subject()).contains("is booked");
        });
        assertThat(new Http(port).get("/api/v1/units/service-due").body()).contains(owned.serial()).contains("\"dueOn\"");

        lifetime.remindDue(); // nothing due within a week for the demo's new printers
        long reminders = mailer.latest().stream().filter(m -> m.subject().contains("is due")).count();
        designs.setServiceInterval("3d-printer", "2.1", 1); // monthly, and five weeks on: the printers are due
        TestClock.at(Instant.now().plus(35, ChronoUnit.DAYS));
        try {
            assertThat(lifetime.remindDue()).isPositive();
            assertThat(lifetime.remindDue()).as("once per due date").isZero();
            assertThat(mailer.latest().stream().filter(m -> m.subject().contains("is due")).count()).isGreaterThan(reminders);
        } finally {
            TestClock.reset();
            designs.setServiceInterval("3d-printer", "2.1", 6);
        }
        Http page = new Http(port);
        page.login("steward@demo.local", "demo-steward");
        assertThat(page.page("/lifetime").body()).contains("id=\"service-due\"").contains("id=\"requests\"").contains(owned.serial());
        page.postForm("/production/units/" + owned.serial() + "/events", Map.of("kind", "service", "note", "nozzle replaced",
                "request", String.valueOf(asked.id())));
        assertThat(page.page("/production/units/" + owned.serial()).body()).contains("nozzle replaced");
        assertThat(lifetime.openRequests()).noneMatch(r -> r.id() == asked.id());
    }
}
