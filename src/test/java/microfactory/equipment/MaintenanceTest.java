package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ChapterSettings;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.production.ContributionKind;
import microfactory.production.ValueGenerated;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.json.JsonMapper;

/** Maintenance plans say what is due; a maintenance window cancels the bookings in it and blocks new ones. */
@DatabaseTest
class MaintenanceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired MachineBookings bookings;
    @Autowired ValueGenerated value;
    @Autowired ChapterSettings chapter;

    record Person(Member member, Http http) {
    }

    Person person() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "fixer-" + id + "@example.org";
        Member m = members.signUp(new SignUp(email, "Fixer " + id, "grease the joints", "", null));
        return new Person(m, new Http(port).as(email, "grease the joints"));
    }

    static String window(Instant from, int hours) {
        return "\"downFrom\": \"" + from + "\", \"downUntil\": \"" + from.plus(hours, ChronoUnit.HOURS) + "\"";
    }

    @Test
    void theDueListShowsWhatIsOverdueOrNeverDoneAndNotWhatWasDoneLately() {
        String due = new Http(port).get("/api/v1/equipment/maintenance/due").body();
        assertThat(due).contains("torch-table").contains("days since it was last done").contains("gantry-hoists").contains("never done");
        assertThat(due).doesNotContain("\"machine\":\"printer-farm\"");
        assertThat(new Http(port).get("/api/v1/equipment/machines/torch-table/maintenance").body()).contains("Water table cleaned");
    }

    @Test
    void aMaintenanceWindowCancelsTheBookingsInItBlocksNewOnesAndCountsAsTheFixersValue() {
        Person booker = person();
        Person fixer = person();
        merit.issue(booker.member().id(), "safety", 1, "test");
        merit.issue(fixer.member().id(), "safety", 1, "test");
        Instant from = LocalDate.now(ZoneOffset.UTC).plusDays(8).atTime(6, 0).toInstant(ZoneOffset.UTC);
        Booking b = bookings.book(booker.member().id(), "laminator", from.plus(1, ChronoUnit.HOURS), from.plus(2, ChronoUnit.HOURS));

        Person stranger = person();
        assertThat(stranger.http().json("POST", "/api/v1/equipment/machines/laminator/maintenance",
                "{\"what\": \"Clean the rollers\", " + window(from, 3) + "}").statusCode()).isEqualTo(403);
        HttpResponse<String> backwards = fixer.http().json("POST", "/api/v1/equipment/machines/laminator/maintenance",
                "{\"what\": \"Clean the rollers\", \"downFrom\": \"" + from + "\", \"downUntil\": \"" + from.minusSeconds(60) + "\"}");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("downUntil");
        assertThat(fixer.http().json("POST", "/api/v1/equipment/machines/laminator/maintenance",
                "{\"plan\": 999999, \"what\": \"x\", " + window(from, 3) + "}").body()).contains("no maintenance plan 999999");

        HttpResponse<String> logged = fixer.http().json("POST", "/api/v1/equipment/machines/laminator/maintenance",
                "{\"what\": \"Clean the rollers, replace the membrane\", \"parts\": \"1 silicone membrane\", " + window(from, 3) + "}");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        assertThat(booker.http().get("/api/v1/equipment/bookings/mine").body()).contains("\"status\":\"cancelled\"")
            .contains("down for maintenance");
        HttpResponse<String> blocked = booker.http().json("POST", "/api/v1/equipment/machines/laminator/bookings",
                "{\"start\": \"" + from.plus(30, ChronoUnit.MINUTES) + "\", \"end\": \"" + from.plus(90, ChronoUnit.MINUTES) + "\"}");
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(blocked.body()).contains("down for maintenance");
        assertThat(b.id()).isPositive();

        LocalDate day = from.atZone(chapter.zone()).toLocalDate();
        assertThat(value.of(fixer.member().publicId(), day.minusDays(1), day.plusDays(1)).contributions())
            .anySatisfy(c -> {
                assertThat(c.kind()).isEqualTo(ContributionKind.MAINTENANCE);
                assertThat(c.minutes()).isEqualTo(180);
                assertThat(c.valueMinor()).isEqualTo(chapter.hourlyValueMinor() * 3);
            });
    }

    @Test
    void aStewardAddsAPlanAndABadgeHolderLogsMaintenanceFromTheMachinesPage() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.page("/equipment/machines/multimeters");
        steward.postForm("/equipment/machines/multimeters/maintenance-plans", Map.of("task", "Check calibration against the reference",
                "everyDays", "180"));
        Person fixer = person();
        merit.issue(fixer.member().id(), "electrical", 1, "test");
        Http page = new Http(port);
        page.login(members.get(fixer.member().id()).email(), "grease the joints");
        page.page("/equipment/machines/multimeters");
        page.postForm("/equipment/machines/multimeters/maintenance", Map.of("what", "Fuses replaced", "parts", "2 fuses", "hoursDown", "2"));
        String after = new Http(port).page("/equipment/machines/multimeters").body();
        assertThat(after).contains("Check calibration against the reference").contains("Fuses replaced").contains(fixer.member().publicId());
    }
}
