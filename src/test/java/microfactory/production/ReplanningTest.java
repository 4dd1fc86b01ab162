package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ConflictException;
import microfactory.equipment.EquipmentService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.common.ChapterSettings;
import microfactory.support.DatabaseTest;
import microfactory.support.TestClock;
import microfactory.support.Http;

/** A live build replanned when a task runs late or a machine goes out of service; the dashboard shows what moved. */
@DatabaseTest
class ReplanningTest {

    @Autowired ChapterSettings chapter;

    @AfterEach
    void backToTheSystemsTime() {
        TestClock.reset();
    }

    @Autowired ProductionService production;
    @Autowired EquipmentService equipment;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @LocalServerPort int port;

    List<Member> crew = new ArrayList<>();

    Run scheduledWallRun(int units) {
        Run run = production.create(new RunRequest("wall-module-4x8", units, LocalDate.now().plusDays(40), 2, 480, 1020, 3, 0));
        for (int k = 0; k < 3; k++) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            Member m = members.signUp(new SignUp("replan-" + id + "@example.org", "Framer " + id, "many hands build", "", null));
            merit.issue(m.id(), "woodworking", 1, "test");
            merit.issue(m.id(), "assembly", 1, "test");
            production.signUp(run.id(), m.id(), SignupRole.CREW);
            crew.add(m);
        }
        production.schedule(run.id(), 300);
        return run;
    }

    RunTask task(Run run, String key) {
        return production.schedule(run.id()).stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    long idOf(String publicId) {
        return crew.stream().filter(m -> m.publicId().equals(publicId)).findFirst().orElseThrow().id();
    }

    @Test
    void aTaskRunningLatePushesWhatFollowsAndTheDashboardSaysBy() {
        Run run = scheduledWallRun(1);
        RunTask h1 = task(run, "1-H1");
        int before = production.dashboard(run.id()).expectedEnd();
        assertThat(production.dashboard(run.id()).criticalChain()).containsExactly("1-H1", "1-H2", "1-H3", "1-H4");

        RunEvent event = production.reportDelay(run.id(), "1-H1", h1.people().get(0), false, 45, "blade dull");
        assertThat(event.kind()).isEqualTo("DELAY");
        assertThat(event.message()).contains("cut plates and studs runs 45 min late (blade dull)").contains("moved later");
        RunTask late = task(run, "1-H1");
        assertThat(late.minutes()).isEqualTo(h1.minutes() + 45);
        assertThat(task(run, "1-H2").startMinute()).isGreaterThanOrEqualTo(late.endMinute());
        assertThat(production.dashboard(run.id()).expectedEnd()).isGreaterThanOrEqualTo(before + 45);

        // the longer duration stays when the build is replanned again for another reason
        production.reportDelay(run.id(), "1-H2", null, true, 10, "");
        assertThat(task(run, "1-H1").minutes()).isEqualTo(h1.minutes() + 45);
        assertThat(production.dashboard(run.id()).log()).extracting(RunEvent::kind).containsExactly("DELAY", "DELAY");
    }

    @Test
    void lateReportsNeedTheTaskCrewOrAStewardAndASensibleNumber() {
        Run run = scheduledWallRun(1);
        assertThatThrownBy(() -> production.reportDelay(run.id(), "1-H1", "m-stranger00", false, 30, ""))
            .isInstanceOf(ConflictException.class).hasMessageContaining("Only the crew");
        var http = new Http(port).as("steward@demo.local", "demo-steward");
        var zero = http.json("POST", "/api/v1/runs/" + run.id() + "/tasks/1-H1/delay", "{\"minutes\": 0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("minutes");
        var ok = http.json("POST", "/api/v1/runs/" + run.id() + "/tasks/1-H1/delay", "{\"minutes\": 20, \"reason\": \"late delivery\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("late delivery");
        var dashboard = http.get("/api/v1/runs/" + run.id() + "/dashboard");
        assertThat(dashboard.body()).contains("\"criticalChain\"").contains("late delivery");
    }

    @Test
    void aMachineGoingOutOfServiceReplansTheBuildsThatNeedItOrSaysWhatIsStuck() {
        Run inProgress = scheduledWallRun(1);
        Run waiting = scheduledWallRun(2);
        RunTask h1 = task(inProgress, "1-H1");
        TestClock.at(waiting.starts(chapter.zone()).plusSeconds(60)); // both builds have begun
        production.startTask(inProgress.id(), "1-H1", h1.people().get(0)); // on the saw now
        RunTask waitingH1 = task(waiting, "1-H1");
        String worker = waitingH1.people().get(0);
        production.startTask(waiting.id(), "1-H1", worker);
        Map<String, Boolean> checks = new HashMap<>();
        waitingH1.checklist().forEach(item -> checks.put(item, true));
        production.finishTask(waiting.id(), "1-H1", worker, idOf(worker), checks, "");
        try {
            equipment.setStatus("table-saw", false, "blade guard cracked");
            assertThat(production.log(inProgress.id())).first().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("REPLANNED");
                assertThat(e.message()).contains("Table saw went out of service (blade guard cracked)");
            });
            assertThat(task(inProgress, "1-H1").status()).isEqualTo(TaskStatus.STARTED);
            assertThat(production.log(waiting.id())).first().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("BLOCKED");
                assertThat(e.message()).contains("table-saw");
            });
            assertThat(task(waiting, "1-H1").status()).isEqualTo(TaskStatus.DONE);
        } finally {
            equipment.setStatus("table-saw", true, null);
        }
        // back in service: the build that was stuck is replanned with it
        assertThat(production.log(waiting.id())).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("REPLANNED");
            assertThat(e.message()).contains("Table saw is back in service");
        });
    }
}
