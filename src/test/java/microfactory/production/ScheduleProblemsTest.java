package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.common.ConflictException;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;

/** "Cannot schedule" says why by cause, with the design's task codes once for every unit, and the fix. */
@DatabaseTest
class ScheduleProblemsTest {

    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired MeritService merit;

    @Test
    void aCrewWithoutTheSkillsIsToldWhichTasksNeedThemAndWhichModulesGrantThem() {
        Run run = production.create(new RunRequest("3d-printer", 3, LocalDate.now().plusDays(20), 1, 480, 1020, 2, 0));
        Member m = members.signUp(new SignUp("explain@example.org", "Ex Plain", "we build tractors", null, null));
        merit.issue(m.id(), "assembly", 1, "test");
        production.signUp(run.id(), m.id(), SignupRole.CREW);
        assertThatThrownBy(() -> production.schedule(run.id(), 300)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no one in the crew has 3d-printing ≥ 1, which P1 needs")
                .hasMessageContaining("the module that grants it: 3D printing (/learn/3d-printing)")
                .hasMessageContaining("3d-printing ≥ 2, which T1 needs").hasMessageContaining("Tuning a printer")
                .hasMessageContaining("electrical ≥ 1, which E2 needs").hasMessageContaining("or add a seat for")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\b1\\d{3}\\b")); // no internal task numbers
    }

    @Test
    void theSolversReasonsAreGroupedAcrossUnits() {
        assertThat(ScheduleProblems.grouped(List.of("unit 1: cut plates takes 700 time units, longer than the longest working window (540)",
                "unit 2: cut plates takes 700 time units, longer than the longest working window (540)", "tasks 3 → 5 → 3 wait for each other")))
                .containsExactly("cut plates takes 700 time units, longer than the longest working window (540) (units 1, 2)",
                        "tasks 3 → 5 → 3 wait for each other");
    }
}
