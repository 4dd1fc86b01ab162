package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.ledger.LedgerService;
import microfactory.ledger.TransferStatus;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.common.ChapterSettings;
import microfactory.support.DatabaseTest;
import microfactory.support.TestClock;
import microfactory.support.Http;

/** Draft → open → … → cancelled; fees owed by members without the usufruct right; stewards confirm from the waitlist. */
@DatabaseTest
class RunLifecycleTest {

    @Autowired ChapterSettings chapter;

    @AfterEach
    void backToTheSystemsTime() {
        TestClock.reset();
    }

    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired LedgerService ledger;
    @LocalServerPort int port;

    Member framer(String plan) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member m = members.signUp(new SignUp("life-" + id + "@example.org", "Framer " + id, "many hands build", plan, null));
        merit.issue(m.id(), "woodworking", 1, "test");
        merit.issue(m.id(), "assembly", 1, "test");
        return m;
    }

    RunRequest wall(int crew) {
        return new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(70), 1, 480, 1020, crew, 0);
    }

    Signup signupOf(Run run, Member m) {
        return production.signups(run.id()).stream().filter(s -> s.memberId() == m.id()).findFirst().orElseThrow();
    }

    @Test
    void aDraftIsClosedUntilOpenedAndACancelledRunSaysWhy() {
        Run draft = production.create(wall(2).asDraft());
        assertThat(draft.status()).isEqualTo(RunStatus.DRAFT);
        Member m = framer("");
        assertThatThrownBy(() -> production.signUp(draft.id(), m.id(), SignupRole.CREW)).hasMessageContaining("closed: it is draft");
        assertThat(production.open(draft.id()).status()).isEqualTo(RunStatus.OPEN);
        assertThatThrownBy(() -> production.open(draft.id())).isInstanceOf(ConflictException.class);
        production.signUp(draft.id(), m.id(), SignupRole.CREW);
        assertThatThrownBy(() -> production.cancel(draft.id(), " ")).hasMessageContaining("say why");
        Run cancelled = production.cancel(draft.id(), "the timber did not arrive");
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("the timber did not arrive");
        assertThatThrownBy(() -> production.cancel(draft.id(), "again")).hasMessageContaining("cannot be cancelled");
        assertThat(production.log(draft.id())).extracting(RunEvent::kind).contains("CANCELLED", "OPENED");
    }

    @Test
    void membersWithoutTheUsufructRightOweTheFeeHeldPendingUntilTheBuildStarts() {
        Run run = production.create(wall(3).withFee(15_000, "USD"));
        Member payer = framer("");
        Member leaver = framer("");
        Member usufruct = framer("flat-dues");
        production.signUp(run.id(), payer.id(), SignupRole.CREW);
        production.signUp(run.id(), leaver.id(), SignupRole.CREW);
        production.signUp(run.id(), usufruct.id(), SignupRole.CREW);
        assertThat(signupOf(run, usufruct).feeTransfer()).isNull();
        String payerFee = signupOf(run, payer).feeTransfer();
        String leaverFee = signupOf(run, leaver).feeTransfer();
        assertThat(ledger.transferById(payerFee).status()).isEqualTo(TransferStatus.PENDING);
        assertThat(ledger.transferById(payerFee).member()).isEqualTo(payer.publicId());

        production.withdraw(run.id(), leaver.id());
        assertThat(ledger.transferById(leaverFee).status()).isEqualTo(TransferStatus.VOIDED);

        production.schedule(run.id(), 300);
        RunTask first = production.schedule(run.id()).get(0);
        String who = first.people().get(0);
        TestClock.at(run.starts(chapter.zone()).plusSeconds(60)); // the build's first working hour
        production.startTask(run.id(), first.key(), who);
        assertThat(ledger.transferById(payerFee).status()).isEqualTo(TransferStatus.POSTED);
    }

    @Test
    void aRunBuildsOnlyInItsBaysAndAnUnknownBayIsNamed() {
        Run run = production.create(new RunRequest("wall-module-4x8", 2, LocalDate.now().plusDays(75), 1, 480, 1020, 2, 0)
            .inBays(List.of("B12")));
        for (Member m : List.of(framer(""), framer(""))) {
            production.signUp(run.id(), m.id(), SignupRole.CREW);
        }
        production.schedule(run.id(), 300);
        assertThat(production.schedule(run.id())).isNotEmpty().allSatisfy(t -> assertThat(t.bay()).isEqualTo("B12"));
        assertThatThrownBy(() -> production.create(wall(2).inBays(List.of("B99"))))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("no bay B99");
    }

    @Test
    void aStewardConfirmsSomeoneFromTheWaitlist() {
        Run run = production.create(wall(1));
        Member first = framer("");
        Member second = framer("");
        production.signUp(run.id(), first.id(), SignupRole.CREW);
        Signup waiting = production.signUp(run.id(), second.id(), SignupRole.CREW);
        assertThat(waiting.status()).isEqualTo(SignupStatus.WAITLISTED);
        assertThat(production.confirm(run.id(), waiting.id()).status()).isEqualTo(SignupStatus.CONFIRMED);
        assertThatThrownBy(() -> production.confirm(run.id(), waiting.id())).hasMessageContaining("not on the waitlist");
        var member = new Http(port).as("member@demo.local", "demo-member");
        assertThat(member.json("POST", "/api/v1/runs/" + run.id() + "/cancel", "{\"reason\": \"no\"}").statusCode()).isEqualTo(403);
        var steward = new Http(port).as("steward@demo.local", "demo-steward");
        var noReason = steward.json("POST", "/api/v1/runs/" + run.id() + "/cancel", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
    }

    @Test
    void stewardsPlanARunOnAFormThatNamesEveryBadField() {
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        assertThat(steward.get("/production/new").body()).contains("Plan a run").contains("wall-module-4x8");
        Map<String, String> bad = new LinkedHashMap<>(Map.of("design", "wall-module-4x8", "quantity", "0", "startsOn", "next week",
                "days", "1", "dayStart", "08:00", "dayEnd", "17:00", "crewTarget", "3", "traineeSeats", "0", "fee", "ten", "currency", "USD"));
        bad.put("roles", "woodworking two 1\nwelding 2 1");
        var refused = steward.postForm("/production/new", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("a whole number from 1 to 100").contains("a date like 2026-12-07")
            .contains("an amount like 150.00").contains("line 1: write skill, level and seats");
        Map<String, String> good = new HashMap<>(bad);
        good.putAll(Map.of("quantity", "2", "startsOn", LocalDate.now().plusDays(80).toString(), "fee", "25.00",
                "roles", "woodworking 1 1", "draft", "yes", "bays", "B12"));
        var planned = steward.postForm("/production/new", good);
        assertThat(planned.statusCode()).isEqualTo(302);
        String location = planned.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/production/runs/");
        long id = Long.parseLong(location.replaceAll(".*/", ""));
        Run run = production.run(id);
        assertThat(run.status()).isEqualTo(RunStatus.DRAFT);
        assertThat(run.feeMinor()).isEqualTo(2_500);
        assertThat(run.bays()).containsExactly("B12");
        assertThat(production.seats(id)).singleElement().satisfies(s -> assertThat(s.label()).isEqualTo("woodworking ≥ 1"));
        assertThat(steward.get("/production/runs/" + id).body()).contains("$25.00").contains("Open for sign-up");
    }

    @Test
    void schedulingFromThePageShowsTheSolversProgressThenTheOutcome() throws Exception {
        // a tractor build: big enough that the solver uses its time budget, so the progress is there to see
        Run run = production.create(new RunRequest("lifetrac", 2, LocalDate.now().plusDays(90), 5, 480, 1020, 24, 0));
        for (var s : members.search("demo.local", true, 0)) {
            if (production.qualifiesForCrew(run, s.member().id())) {
                production.signUp(run.id(), s.member().id(), SignupRole.CREW);
            }
        }
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        steward.get("/production/runs/" + run.id());
        var started = steward.postForm("/production/runs/" + run.id() + "/schedule", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String fragment = "";
        int polls = 0;
        for (int k = 0; k < 100; k++) {
            var poll = steward.get("/production/runs/" + run.id() + "/solving");
            if (poll.headers().firstValue("HX-Refresh").isPresent()) {
                break;
            }
            fragment = poll.body();
            assertThat(fragment).contains("Finding a schedule").contains("<progress");
            polls++;
            Thread.sleep(100);
        }
        assertThat(polls).as("progress was shown while solving").isPositive();
        String page = steward.get("/production/runs/" + run.id()).body();
        assertThat(page).contains("Scheduled:").contains("Schedule by person");
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.SCHEDULED);
        assertThat(steward.get("/production/runs/" + run.id()).body()).doesNotContain("Scheduled:"); // shown once
    }
}
