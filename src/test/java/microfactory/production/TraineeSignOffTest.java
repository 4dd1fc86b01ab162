package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.common.ConflictException;
import microfactory.learning.LearningService;
import microfactory.learning.WorkSignOff;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.common.ChapterSettings;
import microfactory.support.DatabaseTest;
import microfactory.support.TestClock;

/** A trainee who worked beside qualified crew asks for a sign-off; only a mentor above the level can give it. */
@DatabaseTest
class TraineeSignOffTest {

    @Autowired ChapterSettings chapter;

    @AfterEach
    void backToTheSystemsTime() {
        TestClock.reset();
    }

    @Autowired ProductionService production;
    @Autowired LearningService learning;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired ValueGenerated value;

    Member person(String role) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return members.signUp(new SignUp(role + "-" + id + "@example.org", role + " " + id, "many hands build", "", null));
    }

    @Test
    void aTraineeBesideTheCrewGetsASignOffRequestThatAMentorAboveTheLevelSigns() {
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(50), 1, 480, 1020, 2, 1));
        Member a = person("framer");
        Member b = person("framer");
        for (Member m : List.of(a, b)) {
            merit.issue(m.id(), "woodworking", 2, "test");
            merit.issue(m.id(), "assembly", 2, "test");
            production.signUp(run.id(), m.id(), SignupRole.CREW);
        }
        Member trainee = person("trainee");
        production.signUp(run.id(), trainee.id(), SignupRole.TRAINEE);
        production.schedule(run.id(), 300);
        RunTask taught = production.schedule(run.id()).stream().filter(t -> t.trainees().contains(trainee.publicId())).findFirst()
            .orElseThrow(() -> new AssertionError("the scheduler paired the trainee with no task"));
        TestClock.at(run.starts(chapter.zone()).plusSeconds(60)); // the build's first working hour
        for (RunTask t : production.schedule(run.id())) {
            if (t.startMinute() > taught.startMinute()) {
                continue;
            }
            String who = t.people().get(0);
            long whoId = who.equals(a.publicId()) ? a.id() : b.id();
            production.startTask(run.id(), t.key(), who);
            Map<String, Boolean> checks = new HashMap<>();
            t.checklist().forEach(item -> checks.put(item, true));
            production.finishTask(run.id(), t.key(), who, whoId, checks, "");
        }
        List<WorkSignOff> queue = learning.workSignOffQueue(a.id()).stream().filter(w -> w.learnerId() == trainee.id()).toList();
        assertThat(queue).isNotEmpty().allSatisfy(w -> {
            assertThat(w.source()).contains("run " + run.id()).contains(taught.name());
            assertThat(w.beside()).containsAll(taught.people());
        });
        WorkSignOff request = queue.get(0);

        Member novice = person("novice");
        merit.issue(novice.id(), request.skill(), request.level(), "test");
        assertThat(learning.workSignOffQueue(novice.id())).noneMatch(w -> w.id() == request.id());
        assertThatThrownBy(() -> learning.signWork(novice.id(), request.id())).isInstanceOf(ConflictException.class)
            .hasMessageContaining("needs a mentor above that level");
        assertThatThrownBy(() -> learning.signWork(trainee.id(), request.id())).hasMessageContaining("your own");

        learning.signWork(a.id(), request.id());
        assertThat(merit.levelOf(trainee.id(), request.skill())).isGreaterThanOrEqualTo(request.level());
        assertThat(merit.badgesOf(trainee.id())).anySatisfy(badge -> assertThat(badge.source()).contains("run " + run.id()));
        assertThat(learning.workSignOffQueue(a.id())).noneMatch(w -> w.id() == request.id());

        // Teaching is value the mentor generated: half an hour at the chapter's hourly value ($40 in the demo).
        LocalDate day = LocalDate.now(TestClock.INSTANCE.withZone(chapter.zone()));
        MemberValue mentor = value.of(a.publicId(), day, day);
        assertThat(mentor.contributions()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ContributionKind.TEACHING);
            assertThat(c.minutes()).isEqualTo(ValueGenerated.SIGN_OFF_MINUTES);
            assertThat(c.valueMinor()).isEqualTo(chapter.hourlyValueMinor() / 2);
        });
    }
}
