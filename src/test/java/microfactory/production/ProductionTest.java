package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ConflictException;
import microfactory.ledger.LedgerService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.common.ChapterSettings;
import microfactory.support.DatabaseTest;
import microfactory.support.TestClock;
import microfactory.support.Http;

@DatabaseTest
class ProductionTest {

    @Autowired ChapterSettings chapter;

    @AfterEach
    void backToTheSystemsTime() {
        TestClock.reset();
    }

    @Autowired ProductionService production;
    @Autowired RunCalendar calendar;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @LocalServerPort int port;

    Member newcomer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return members.signUp(new SignUp("builder-" + id + "@example.org", "Builder " + id, "many hands build", "", null));
    }

    Run smallRun(int crew, int trainees) {
        return production.create(new RunRequest("wall-module-4x8", 2, LocalDate.now().plusDays(30), 1, 480, 1020, crew, trainees));
    }

    @Test
    void theDemoTractorBuildIsScheduledWithoutDoubleBookingsInsideTheWorkingDays() {
        Run run = production.runs().stream().filter(r -> r.designSlug().equals("lifetrac")).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SCHEDULED);
        List<RunTask> tasks = production.schedule(run.id());
        assertThat(tasks).hasSize(3 * 25);
        Map<String, List<RunTask>> byPerson = new HashMap<>();
        Map<String, RunTask> byKey = new HashMap<>();
        for (RunTask t : tasks) {
            int day = t.startMinute() / 1440;
            assertThat(t.startMinute()).isGreaterThanOrEqualTo(day * 1440 + run.dayStart());
            assertThat(t.endMinute()).isLessThanOrEqualTo(day * 1440 + run.dayEnd());
            t.people().forEach(p -> byPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(t));
            byKey.put(t.unit() + "-" + t.code(), t);
        }
        byPerson.values().forEach(list -> {
            list.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
            for (int k = 1; k < list.size(); k++) {
                assertThat(list.get(k).startMinute()).isGreaterThanOrEqualTo(list.get(k - 1).endMinute());
            }
        });
        for (RunTask t : tasks) {
            for (String p : t.predecessors()) {
                assertThat(byKey.get(t.unit() + "-" + p).endMinute()).isLessThanOrEqualTo(t.startMinute());
            }
        }
    }

    @Test
    void aMemberWithoutTheBadgesMayOnlyJoinAsATraineeAndIsToldWhatIsMissing() {
        Run run = smallRun(5, 2);
        Member novice = newcomer();
        assertThatThrownBy(() -> production.signUp(run.id(), novice.id(), SignupRole.CREW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("woodworking ≥ 1").hasMessageContaining("take a module at /learn");
        assertThat(production.signUp(run.id(), novice.id(), SignupRole.TRAINEE).status()).isEqualTo(SignupStatus.CONFIRMED);
        assertThatThrownBy(() -> production.signUp(run.id(), novice.id(), SignupRole.TRAINEE)).hasMessageContaining("already");
    }

    @Test
    void twoMembersRacingForTheLastSeatGetOneSeatAndOneWaitlistPlace() throws Exception {
        Run run = smallRun(5, 1);
        Member a = newcomer();
        Member b = newcomer();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<SignupStatus>> results = new ArrayList<>();
        for (Member m : List.of(a, b)) {
            Callable<SignupStatus> join = () -> production.signUp(run.id(), m.id(), SignupRole.TRAINEE).status();
            results.add(pool.submit(join));
        }
        List<SignupStatus> outcomes = new ArrayList<>();
        for (Future<SignupStatus> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder(SignupStatus.CONFIRMED, SignupStatus.WAITLISTED);
        Member seated = production.signups(run.id()).stream().filter(s -> s.status() == SignupStatus.CONFIRMED).findFirst()
                .map(s -> s.memberId() == a.id() ? a : b).orElseThrow();
        production.withdraw(run.id(), seated.id());
        assertThat(production.signups(run.id())).filteredOn(s -> s.status() == SignupStatus.CONFIRMED).hasSize(1)
                .allMatch(s -> s.memberId() != seated.id());
    }

    @Test
    void schedulingWithAnUnqualifiedCrewNamesWhatIsMissingAndAWithdrawalReopensTheRun() {
        Run run = smallRun(5, 2);
        Member crew = newcomer();
        merit.issue(crew.id(), "woodworking", 1, "test");
        production.signUp(run.id(), crew.id(), SignupRole.CREW);
        assertThatThrownBy(() -> production.schedule(run.id(), 300)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only 1 of the crew has woodworking ≥ 1, which H1, H2 and H3 need (2 people at once)")
                .hasMessageContaining("Woodworking basics");
        Member second = newcomer();
        merit.issue(second.id(), "woodworking", 1, "test");
        merit.issue(second.id(), "assembly", 1, "test");
        production.signUp(run.id(), second.id(), SignupRole.CREW);
        production.schedule(run.id(), 500);
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.SCHEDULED);
        assertThat(production.schedule(run.id())).hasSize(2 * 4);
        production.withdraw(run.id(), second.id());
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.OPEN);
        assertThat(production.schedule(run.id())).isEmpty();
    }

    @Autowired LedgerService ledger;

    /** Two woodworkers schedule one wall module, then build it task by task; a failed check blocks until it passes. */
    @Test
    void crewBuildAUnitTaskByTaskAFailedCheckBlocksAndTheUnitGetsASerialOnTheLedger() {
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(30), 1, 480, 1020, 2, 0));
        Member a = newcomer();
        Member b = newcomer();
        for (Member m : List.of(a, b)) {
            merit.issue(m.id(), "woodworking", 1, "test");
            merit.issue(m.id(), "assembly", 1, "test");
            production.signUp(run.id(), m.id(), SignupRole.CREW);
        }
        production.schedule(run.id(), 500);
        List<RunTask> tasks = production.schedule(run.id());
        RunTask first = tasks.stream().filter(t -> t.code().equals("H1")).findFirst().orElseThrow();
        RunTask second = tasks.stream().filter(t -> t.code().equals("H2")).findFirst().orElseThrow();
        String crewOfSecond = second.people().get(0);
        // Two weeks ahead, nobody starts a task yet: the build begins at its first working hour.
        assertThatThrownBy(() -> production.startTask(run.id(), first.key(), first.people().get(0))).hasMessageContaining("The build starts on");
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.SCHEDULED);
        TestClock.at(run.starts(chapter.zone()).plusSeconds(60));
        assertThatThrownBy(() -> production.startTask(run.id(), second.key(), crewOfSecond)).hasMessageContaining("Wait: cut plates and studs");
        Member stranger = newcomer();
        assertThatThrownBy(() -> production.startTask(run.id(), first.key(), stranger.publicId())).hasMessageContaining("Only the crew");

        String worker = first.people().get(0);
        long workerId = List.of(a, b).stream().filter(m -> m.publicId().equals(worker)).findFirst().orElseThrow().id();
        production.startTask(run.id(), first.key(), worker);
        assertThatThrownBy(() -> production.finishTask(run.id(), first.key(), worker, workerId, Map.of(), ""))
                .hasMessageContaining("record every check");
        assertThat(production.finishTask(run.id(), first.key(), worker, workerId, Map.of("lengths within 1/8 in", false), "short stud").status())
                .isEqualTo(TaskStatus.FAILED);
        assertThatThrownBy(() -> production.startTask(run.id(), second.key(), crewOfSecond)).hasMessageContaining("a quality check failed");
        assertThat(production.finishTask(run.id(), first.key(), worker, workerId, Map.of("lengths within 1/8 in", true), "recut").status())
                .isEqualTo(TaskStatus.DONE);

        for (RunTask t : production.schedule(run.id())) {
            if (t.status() == TaskStatus.DONE) {
                continue;
            }
            String who = t.people().get(0);
            long whoId = List.of(a, b).stream().filter(m -> m.publicId().equals(who)).findFirst().orElseThrow().id();
            production.startTask(run.id(), t.key(), who);
            Map<String, Boolean> checks = new HashMap<>();
            t.checklist().forEach(item -> checks.put(item, true));
            production.finishTask(run.id(), t.key(), who, whoId, checks, "");
        }
        List<Unit> units = production.units(run.id());
        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.serial()).isEqualTo("WALLMODULE4X8-" + run.id() + "-01");
            assertThat(u.builders()).containsExactlyInAnyOrder(a.publicId(), b.publicId());
            assertThat(ledger.entry(u.ledgerIndex()).json()).contains("\"kind\":\"unit.produced\"").contains(u.serial());
        });
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void whenSomeoneLeavesAScheduledBuildItIsReplannedAroundTheGap() {
        Run run = production.create(new RunRequest("wall-module-4x8", 2, LocalDate.now().plusDays(20), 1, 480, 1020, 5, 0));
        List<Member> crew = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Member m = newcomer();
            merit.issue(m.id(), "woodworking", 1, "test");
            merit.issue(m.id(), "assembly", 1, "test");
            production.signUp(run.id(), m.id(), SignupRole.CREW);
            crew.add(m);
        }
        production.schedule(run.id(), 500);
        Member leaving = crew.get(0);
        production.withdraw(run.id(), leaving.id());
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.SCHEDULED);
        List<RunTask> after = production.schedule(run.id());
        assertThat(after).hasSize(2 * 4).noneMatch(t -> t.involves(leaving.publicId()));
        assertThat(after).allMatch(t -> t.people().size() == (t.code().equals("H2") || t.code().equals("H3") ? 2 : 1));
    }

    @Test
    void thePastPrinterWorkshopBuiltSixPrintersWithSerialsOnTheLedger() {
        Run past = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer"))
                .min(Comparator.comparingLong(Run::id)).orElseThrow(); // the demo's, the first of its design
        assertThat(past.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(production.units(past.id())).hasSize(6).allSatisfy(u -> {
            assertThat(u.serial()).matches("3DPRINTER-" + past.id() + "-0[1-6]");
            assertThat(ledger.entry(u.ledgerIndex()).kind()).isEqualTo("unit.produced");
        });
    }

    @Test
    void aMembersRunsAreAnICalendarFeedWithOneEventPerWorkingDay() {
        Member m = newcomer();
        Run run = smallRun(3, 2);
        production.signUp(run.id(), m.id(), SignupRole.TRAINEE);
        String ics = calendar.calendar(m.id());
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
        String day = run.startsOn().toString().replace("-", "");
        // Local times in the chapter's zone (the demo is in Missouri), with the zone's rules alongside.
        assertThat(ics).contains("DTSTART;TZID=America/Chicago:" + day + "T080000").contains("DTEND;TZID=America/Chicago:" + day + "T170000")
                .contains("BEGIN:VTIMEZONE\r\nTZID:America/Chicago\r\n").contains("TZOFFSETTO:-0600").contains("TZOFFSETTO:-0500")
                .contains("SUMMARY:Swarm build: 2 × wall-module-4x8\\, day 1 of 1");
        assertThat(ics.lines()).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 75);
        Http http = new Http(port);
        assertThat(http.get("/production/my-runs.ics").statusCode()).isEqualTo(302);
        http.login("member@demo.local", "demo-member");
        HttpResponse<String> feed = http.get("/production/my-runs.ics");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    }

    @Test
    void theApiListsRunsAndSchedulesAndStewardsScheduleThroughIt() {
        String runs = new Http(port).get("/api/v1/runs").body();
        Run tractor = production.runs().stream().filter(r -> r.designSlug().equals("lifetrac")).findFirst().orElseThrow();
        // Instants in the API: 08:00 on the chapter's wall clock (America/Chicago) on the first day.
        String starts = tractor.startsOn().atTime(8, 0).atZone(ZoneId.of("America/Chicago")).toInstant().toString();
        assertThat(runs).contains("\"design\":\"lifetrac\"").contains("\"seats\":24").contains("\"signedUp\":24")
                .contains("\"starts\":\"" + starts + "\"");
        long id = tractor.id();
        String schedule = new Http(port).get("/api/v1/runs/" + id + "/schedule").body();
        assertThat(schedule).startsWith("{\"tasks\":[").contains("\"predecessors\":[").contains("\"people\":[\"m-").doesNotContain("@");
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/runs/" + id + "/schedule", "{}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> created = new Http(port).as("steward@demo.local", "demo-steward").json("POST", "/api/v1/runs",
                "{\"design\":\"no-such\",\"quantity\":0,\"days\":40,\"dayStart\":600,\"dayEnd\":500}");
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("\"field\":\"design\"").contains("\"field\":\"quantity\"").contains("\"field\":\"days\"")
                .contains("\"field\":\"dayEnd\"").contains("\"field\":\"startsOn\"");
    }

    @Test
    void theDemoMemberJoinsTheTractorBuildAsATraineeFromThePage() {
        long id = production.runs().stream().filter(r -> r.designSlug().equals("lifetrac")).findFirst().orElseThrow().id();
        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        String page = member.get("/production/runs/" + id).body();
        assertThat(page).contains("Schedule by bay").contains("id=\"join-trainee\"");
        member.postForm("/production/runs/" + id + "/signup", Map.of("role", "TRAINEE"));
        assertThat(member.get("/production/runs/" + id).body()).contains("You have a trainee seat");
    }
}
