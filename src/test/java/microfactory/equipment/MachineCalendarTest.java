package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** A machine's week grid and calendar feeds; waiting for a taken slot and adding a job from the pages. */
@DatabaseTest
class MachineCalendarTest {

    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired MachineBookings bookings;
    @Autowired ChapterSettings chapter;

    record Person(Member member, String email) {
        Http http(int port) {
            Http http = new Http(port);
            http.login(email, "a week of machines");
            return http;
        }
    }

    Person person(String skill) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "week-" + id + "@example.org";
        Member m = members.signUp(new SignUp(email, "Weekly " + id, "a week of machines", "", null));
        merit.issue(m.id(), skill, 1, "test");
        return new Person(m, email);
    }

    Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day.atTime(hour, 0), chapter.zone()).toInstant();
    }

    @Test
    void theWeekGridShowsABookingAsABlockAndTheFeedsCarryItByPseudonym() {
        ZoneId zone = chapter.zone();
        LocalDate day = LocalDate.now(zone).plusDays(9);
        Person p = person("safety");
        Booking b = bookings.book(p.member().id(), "lathe", at(day, 20), at(day, 22));

        Http anyone = new Http(port);
        String page = anyone.page("/equipment/machines/lathe?week=" + day).body();
        assertThat(page).contains("id=\"machine-week\"").contains("class=\"held booking\"").contains(p.member().publicId())
                .doesNotContain(p.member().displayName()).contains("22:00"); // the grid widens to the evening booking
        assertThat(anyone.page("/equipment/machines/lathe?week=someday").body()).contains("is not a day such as");

        HttpResponse<String> feed = anyone.get("/equipment/machines/lathe/bookings.ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String local = day.toString().replace("-", "");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VTIMEZONE")
                .contains("DTSTART;TZID=" + zone.getId() + ":" + local + "T200000")
                .contains("booked by " + p.member().publicId()).doesNotContain(p.member().displayName()).doesNotContain("@example.org");
        assertThat(feed.body().lines()).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 75);

        assertThat(anyone.get("/equipment/my-bookings.ics").statusCode()).isEqualTo(302);
        Http mine = p.http(port);
        assertThat(mine.get("/equipment/my-bookings.ics").body()).contains("UID:booking-" + b.id() + "@microfactory").doesNotContain("STATUS:CANCELLED");
        bookings.cancel(b.id(), p.member().id(), false, null);
        assertThat(mine.get("/equipment/my-bookings.ics").body()).contains("UID:booking-" + b.id() + "@microfactory").contains("STATUS:CANCELLED");
    }

    @Test
    void aRefusedSlotOffersTheWaitlistAndWaitingFromThePageWorks() {
        LocalDate day = LocalDate.now(chapter.zone()).plusDays(8);
        Person holder = person("safety");
        Person waiter = person("safety");
        bookings.book(holder.member().id(), "mill", at(day, 19), at(day, 21));
        Http http = waiter.http(port);
        http.page("/equipment/machines/mill");
        HttpResponse<String> refused = http.postForm("/equipment/machines/mill/book", Map.of("day", day.toString(), "from", "19:30", "to", "20:30"));
        assertThat(refused.statusCode()).isEqualTo(302);
        String page = http.page("/equipment/machines/mill").body();
        assertThat(page).contains("id=\"booking-problem\"").contains("id=\"wait-form\"").contains(holder.member().publicId());
        http.postForm("/equipment/machines/mill/wait", Map.of("day", day.toString(), "from", "19:30", "to", "20:30"));
        assertThat(http.page("/equipment/machines/mill").body()).contains("You are on the waitlist for " + day);
    }

    @Test
    void aStewardSetsTheEnvelopeOnThePageAndAMemberAddsAJobFromTheirBookings() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.page("/equipment/machines/torch-table");
        steward.postForm("/equipment/machines/torch-table/envelope", Map.of("xMm", "-5", "yMm", "2440", "zMm", "100"));
        assertThat(steward.page("/equipment/machines/torch-table").body()).contains("Not set: xMm must be a positive whole number");
        steward.postForm("/equipment/machines/torch-table/envelope", Map.of("xMm", "1220", "yMm", "2440", "zMm", "100"));
        assertThat(steward.page("/equipment/machines/torch-table").body()).contains("Work envelope 1220 × 2440 × 100 mm");

        LocalDate day = LocalDate.now(chapter.zone()).plusDays(11);
        Person p = person("cnc");
        Booking b = bookings.book(p.member().id(), "torch-table", at(day, 19), at(day, 20));
        Http http = p.http(port);
        http.page("/equipment/my-bookings");
        String gcode = "G21\nG90\nG0 X10 Y10\nG1 X200 Y10 F3000\nG1 X200 Y100\nG1 X10 Y100\nG1 X10 Y10\n";
        http.postMultipart("/equipment/bookings/" + b.id() + "/job", Map.of(), Map.of("file=bracket.gcode", gcode.getBytes(StandardCharsets.UTF_8)));
        String mine = http.page("/equipment/my-bookings").body();
        assertThat(mine).contains("Job bracket.gcode added").contains("id=\"job-" + b.id() + "\"").contains("/equipment/bookings/" + b.id() + "/job.svg");
        http.postMultipart("/equipment/bookings/" + b.id() + "/job", Map.of(), Map.of("file=far.gcode", "G21\nG1 X5000 Y10 F3000\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(http.page("/equipment/my-bookings").body()).contains("Not added:").contains("line 2");
    }
}
