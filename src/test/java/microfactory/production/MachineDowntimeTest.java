package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.common.ChapterSettings;
import microfactory.equipment.HeldBy;
import microfactory.equipment.HeldSlot;
import microfactory.equipment.MachineBookings;
import microfactory.equipment.MachineMaintenance;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.scheduling.Outage;
import microfactory.support.DatabaseTest;

/** The scheduler of builds sees members' bookings (and maintenance) as machines it cannot use. */
@DatabaseTest
class MachineDowntimeTest {

    @Autowired ProductionService production;
    @Autowired MachineBookings bookings;
    @Autowired MachineMaintenance maintenance;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired ChapterSettings chapter;

    Member member(String skill, String... more) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member m = members.signUp(new SignUp("downtime-" + id + "@example.org", "Maker " + id, "machines and builds", "", null));
        merit.issue(m.id(), skill, 1, "test");
        for (String s : more) {
            merit.issue(m.id(), s, 1, "test");
        }
        return m;
    }

    @Test
    void aBuildIsScheduledAroundAMembersBookingOfTheMachineItNeeds() {
        ZoneId zone = chapter.zone();
        LocalDate day = LocalDate.now(zone).plusDays(13);
        Run run = production.create(new RunRequest("wall-module-4x8", 1, day, 2, 480, 1020, 3, 0));
        for (int k = 0; k < 3; k++) {
            production.signUp(run.id(), member("woodworking", "assembly").id(), SignupRole.CREW);
        }
        // The only table saw is booked for the build's whole first working day.
        Instant from = run.at(480, zone);
        Instant to = run.at(1020, zone);
        bookings.book(member("safety").id(), "table-saw", from, to);

        production.schedule(run.id(), 300);
        List<RunTask> sawing = production.schedule(run.id()).stream()
                .filter(t -> t.machines().stream().anyMatch(m -> m.startsWith("table-saw"))).toList();
        assertThat(sawing).isNotEmpty();
        assertThat(sawing).allSatisfy(t -> assertThat(t.startMinute()).as(t.key()).isGreaterThanOrEqualTo(1020));
    }

    @Test
    void twoBuildsInTheSameDaysNeverUseTheOneTableSawAtOnce() {
        ZoneId zone = chapter.zone();
        LocalDate day = LocalDate.now(zone).plusDays(50);
        Run first = production.create(new RunRequest("wall-module-4x8", 2, day, 2, 480, 1020, 3, 0));
        Run second = production.create(new RunRequest("wall-module-4x8", 2, day, 2, 480, 1020, 3, 0));
        for (Run r : List.of(first, second)) {
            for (int k = 0; k < 3; k++) {
                production.signUp(r.id(), member("woodworking", "assembly").id(), SignupRole.CREW);
            }
            production.schedule(r.id(), 300);
        }
        List<RunTask> a = sawing(first);
        List<RunTask> b = sawing(second);
        assertThat(a).isNotEmpty();
        assertThat(b).isNotEmpty();
        for (RunTask x : a) {
            for (RunTask y : b) {
                assertThat(x.endMinute() <= y.startMinute() || y.endMinute() <= x.startMinute())
                        .as(x.key() + " of build " + first.id() + " and " + y.key() + " of build " + second.id()).isTrue();
            }
        }
    }

    @Test
    void maintenanceScheduledOverABuildsSawingMovesTheSawingOutOfTheWindow() {
        ZoneId zone = chapter.zone();
        LocalDate day = LocalDate.now(zone).plusDays(60);
        Run run = production.create(new RunRequest("wall-module-4x8", 1, day, 2, 480, 1020, 3, 0));
        for (int k = 0; k < 3; k++) {
            production.signUp(run.id(), member("woodworking", "assembly").id(), SignupRole.CREW);
        }
        production.schedule(run.id(), 300);
        RunTask first = sawing(run).get(0);
        Instant from = run.at(first.startMinute(), zone);
        Instant until = run.at(1020, zone); // the rest of that working day
        maintenance.record("table-saw", member("safety").id(), null, "new blade and fence alignment", "1 blade", from, until);

        assertThat(production.log(run.id())).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("REPLANNED");
            assertThat(e.message()).contains("down for maintenance").contains("new blade");
        });
        assertThat(sawing(run)).allSatisfy(t -> assertThat(t.startMinute() >= 1020 || t.endMinute() <= first.startMinute())
                .as(t.key() + " at " + t.startMinute()).isTrue());
    }

    List<RunTask> sawing(Run run) {
        return production.schedule(run.id()).stream().filter(t -> t.machines().stream().anyMatch(m -> m.startsWith("table-saw"))).toList();
    }

    @Test
    void overlappingDowntimeNeverTakesMoreUnitsThanAreInService() {
        ZoneId zone = chapter.zone();
        Run run = new Run(1, "d", "1", 1, LocalDate.of(2027, 3, 1), 1, 480, 1020, 3, 0, RunStatus.DRAFT, Instant.EPOCH, 0, "EUR", null, List.of());
        Instant eight = run.at(480, zone);
        List<HeldSlot> held = List.of(
                new HeldSlot(HeldBy.BOOKING, "printer", eight, eight.plusSeconds(7200), 1, "m-a", "booked"),
                new HeldSlot(HeldBy.MAINTENANCE, "printer", eight.plusSeconds(3600), eight.plusSeconds(3 * 3600), 2, "maintenance", "new nozzle"),
                new HeldSlot(HeldBy.BOOKING, "lathe", eight, eight.plusSeconds(600), 1, "m-b", "no lathe in service"));
        List<Outage> outages = RunOutages.of(run, zone, held, Map.of("printer", 2));
        assertThat(outages).extracting(o -> o.count() + "@" + o.when().start() + "-" + o.when().end())
                .containsExactly("1@480-540", "2@540-600", "2@600-660");
    }
}
