package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ChapterSettings;
import microfactory.mail.Mailer;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunTask;
import microfactory.production.TaskStatus;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.json.JsonMapper;

/** Members book machines: the badge gate is enforced, a taken slot is refused, and a race gives one booking. */
@DatabaseTest
class BookingsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired Mailer mailer;
    @Autowired ProductionService production;
    @Autowired ChapterSettings chapter;
    @Autowired EquipmentService equipment;

    record Person(Member member, Http http) {
    }

    Person person() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "booker-" + id + "@example.org";
        Member m = members.signUp(new SignUp(email, "Booker " + id, "machines all day", "", null));
        return new Person(m, new Http(port).as(email, "machines all day"));
    }

    /** A night slot (no build works then) some days ahead, {@code hours} long. */
    static String slot(int daysAhead, int hour, int hours) {
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead).atTime(hour, 0).toInstant(ZoneOffset.UTC);
        return "{\"start\": \"" + start + "\", \"end\": \"" + start.plusSeconds(3600L * hours) + "\"}";
    }

    @Test
    void aMemberWithoutTheBadgeIsRefusedWithTheModulesThatQualifyAndBooksOnceTheyHoldIt() {
        Person p = person();
        HttpResponse<String> refused = p.http().json("POST", "/api/v1/equipment/machines/mig-welders/bookings", slot(3, 8, 2));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("welding badge at level 1").contains("you hold none").contains("Modules that qualify");
        merit.issue(p.member().id(), "welding", 1, "test: welding basics signed off");
        HttpResponse<String> booked = p.http().json("POST", "/api/v1/equipment/machines/mig-welders/bookings", slot(3, 8, 2));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String list = new Http(port).get("/api/v1/equipment/machines/mig-welders/bookings?from=" + Instant.now()).body();
        assertThat(list).contains(p.member().publicId()).doesNotContain(p.member().displayName()).doesNotContain("@example.org");
        assertThat(p.http().get("/api/v1/equipment/bookings/mine").body()).contains("mig-welders");
    }

    @Test
    void aTakenSlotIsRefusedNamingWhoHoldsItAndARaceForTheLastUnitGivesOneBooking() throws Exception {
        Person a = person();
        Person b = person();
        merit.issue(a.member().id(), "safety", 1, "test");
        merit.issue(b.member().id(), "safety", 1, "test");
        assertThat(a.http().json("POST", "/api/v1/equipment/machines/table-saw/bookings", slot(4, 8, 2)).statusCode()).isEqualTo(201);
        HttpResponse<String> taken = b.http().json("POST", "/api/v1/equipment/machines/table-saw/bookings", slot(4, 9, 1));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("taken").contains(a.member().publicId());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (Person p : List.of(a, b)) {
                racers.add(() -> p.http().json("POST", "/api/v1/equipment/machines/lathe/bookings", slot(5, 8, 1)).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(racers)) {
                codes.add(f.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badSlotsAreRefusedNamingWhyAndOnlyTheBookerOrAStewardCancels() {
        Person a = person();
        Person b = person();
        merit.issue(a.member().id(), "safety", 1, "test");
        String path = "/api/v1/equipment/machines/mill/bookings";
        HttpResponse<String> backwards = a.http().json("POST", path, "{\"start\": \"2030-01-01T10:00:00Z\", \"end\": \"2030-01-01T09:00:00Z\"}");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"end\"");
        assertThat(a.http().json("POST", path, slot(-2, 8, 1)).body()).contains("in the past");
        assertThat(a.http().json("POST", path, slot(30, 8, 1)).body()).contains("21 days ahead");
        assertThat(a.http().json("POST", path, slot(3, 8, 11)).statusCode()).isEqualTo(409);
        assertThat(a.http().json("POST", "/api/v1/equipment/machines/no-such/bookings", slot(3, 8, 1)).statusCode()).isEqualTo(404);
        assertThat(a.http().json("POST", path, "{\"start\": \"tomorrow\"}").statusCode()).isEqualTo(400);
        assertThat(new Http(port).json("POST", path, slot(3, 8, 1)).statusCode()).isEqualTo(401);

        HttpResponse<String> booked = a.http().json("POST", path, slot(6, 8, 1));
        long id = JSON.readTree(booked.body()).path("id").asLong();
        assertThat(b.http().json("DELETE", "/api/v1/equipment/bookings/" + id, null).statusCode()).isEqualTo(403);
        HttpResponse<String> cancelled = a.http().json("DELETE", "/api/v1/equipment/bookings/" + id, null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"cancelled\"");
        assertThat(a.http().json("DELETE", "/api/v1/equipment/bookings/" + id, null).statusCode()).isEqualTo(409);
        assertThat(new Http(port).get("/api/v1/equipment/machines/mill/bookings").body()).doesNotContain("\"id\":" + id + ",");
    }

    @Test
    void aSlotABuildHoldsIsRefusedNamingTheBuild() {
        ZoneId zone = chapter.zone();
        Instant now = Instant.now();
        RunTask held = null;
        Run heldBy = null;
        for (Run r : production.runs()) {
            for (RunTask t : r.status().ended() ? List.<RunTask>of() : production.schedule(r.id())) {
                Instant start = r.at(t.startMinute(), zone);
                if (!t.machines().isEmpty() && t.status() != TaskStatus.DONE && start.isAfter(now.plusSeconds(3600))
                        && start.isBefore(now.plusSeconds(20 * 86_400L)) && held == null) {
                    held = t;
                    heldBy = r;
                }
            }
        }
        assertThat(held).as("the demo schedules a build using a machine within three weeks").isNotNull();
        String type = held.machines().get(0).split(":")[0];
        Machine machine = equipment.machines().stream().filter(m -> m.type().equals(type)).findFirst().orElseThrow();
        Instant start = heldBy.at(held.startMinute(), zone);
        String slot = "{\"start\": \"" + start + "\", \"end\": \"" + start.plusSeconds(600) + "\"}";
        HttpResponse<String> last = null;
        for (int k = 0; k <= machine.count(); k++) { // members take the units the build leaves, until none is left
            Person p = person();
            merit.issue(p.member().id(), machine.skill(), machine.level(), "test");
            last = p.http().json("POST", "/api/v1/equipment/machines/" + machine.code() + "/bookings", slot);
            if (last.statusCode() == 409) {
                break;
            }
        }
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("build #" + heldBy.id()).contains(held.key());
    }

    @Test
    void theDemoHasBookingsAcrossTheComingWeek() {
        var list = JSON.readTree(new Http(port).get("/api/v1/equipment/machines/printer-farm/bookings").body());
        assertThat(list.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aMemberWaitsForATakenSlotAndIsToldWhenItFrees() {
        Person holder = person();
        Person waiter = person();
        merit.issue(holder.member().id(), "safety", 1, "test");
        merit.issue(waiter.member().id(), "safety", 1, "test");
        String slot = slot(7, 8, 2);
        assertThat(waiter.http().json("POST", "/api/v1/equipment/machines/crusher/waitlist", slot).statusCode())
            .as("the soil sifter is locked out in the demo: waiting is allowed").isEqualTo(201);
        assertThat(waiter.http().json("POST", "/api/v1/equipment/machines/lathe/waitlist", slot(8, 8, 1)).statusCode())
            .as("a free slot is booked, not waited for").isEqualTo(409);
        HttpResponse<String> booked = holder.http().json("POST", "/api/v1/equipment/machines/lathe/bookings", slot);
        long id = JSON.readTree(booked.body()).path("id").asLong();
        assertThat(waiter.http().json("POST", "/api/v1/equipment/machines/lathe/waitlist", slot).statusCode()).isEqualTo(201);
        holder.http().json("DELETE", "/api/v1/equipment/bookings/" + id, null);
        String email = members.get(waiter.member().id()).email();
        assertThat(mailer.latest()).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo(email);
            assertThat(m.subject()).contains("is free");
        });
    }

    @Test
    void aPlansBookingRulesApplyToItsMembersAndOnlyStewardsSetThem() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member learner = members.signUp(new SignUp("learner-" + id + "@example.org", "Learner " + id, "learning the lathe", "learner", null));
        merit.issue(learner.id(), "safety", 1, "test");
        Http http = new Http(port).as("learner-" + id + "@example.org", "learning the lathe");
        String rules = new Http(port).get("/api/v1/equipment/booking-rules").body();
        assertThat(rules).contains("\"plan\":\"learner\"").contains("\"daysAhead\":7");
        HttpResponse<String> far = http.json("POST", "/api/v1/equipment/machines/lathe/bookings", slot(10, 8, 1));
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(far.body()).contains("7 days ahead");
        Instant soon = Instant.now().plusSeconds(20 * 60);
        HttpResponse<String> tooSoon = http.json("POST", "/api/v1/equipment/machines/lathe/bookings",
                "{\"start\": \"" + soon + "\", \"end\": \"" + soon.plusSeconds(1800) + "\"}");
        assertThat(tooSoon.statusCode()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("60 minutes ahead");
        assertThat(http.json("POST", "/api/v1/equipment/machines/lathe/bookings", slot(3, 8, 5)).statusCode()).isEqualTo(409); // 4 h a week

        assertThat(http.json("PUT", "/api/v1/equipment/booking-rules/learner", "{\"daysAhead\": 30, \"leadMinutes\": 0, \"hoursPerWeek\": 9}")
            .statusCode()).isEqualTo(403);
        var steward = new Http(port).as("steward@demo.local", "demo-steward");
        assertThat(steward.json("PUT", "/api/v1/equipment/booking-rules/learner", "{\"daysAhead\": 0, \"leadMinutes\": 0, \"hoursPerWeek\": 4}")
            .body()).contains("daysAhead");
        assertThat(steward.json("PUT", "/api/v1/equipment/booking-rules/no-such-plan", "{\"daysAhead\": 7, \"leadMinutes\": 0, \"hoursPerWeek\": 4}")
            .statusCode()).isEqualTo(404);
    }
}
