package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The generated swarm build of {@code bench schedule}: five units of a 75-task design over 12 bays, solved feasibly and repeatably. */
class SwarmBuildsTest {

    final Project build = SwarmBuilds.generate(5, 3, 24, 6, 10, 42);

    @Test
    void fiveUnitsOfA75TaskDesignUseEveryBayAndACrewWithTrainees() {
        assertThat(build.tasks()).hasSize(375);
        assertThat(build.tasks().stream().map(Task::bay).collect(Collectors.toSet())).hasSize(12);
        assertThat(build.people()).hasSize(24);
        assertThat(build.people().stream().filter(p -> p.name().startsWith("trainee"))).hasSize(6)
                .allSatisfy(p -> assertThat(p.skills().values()).containsOnly(1));
        Set<Integer> ids = build.tasks().stream().map(Task::id).collect(Collectors.toSet());
        assertThat(build.tasks()).allSatisfy(t -> assertThat(ids).containsAll(t.predecessors()));
        // the last stage's final check waits for every stage's
        Task last = build.tasks().get(74);
        assertThat(last.name()).isEqualTo("unit 1, loader: quality check");
        assertThat(last.predecessors()).contains(25, 50);
    }

    @Test
    void theSameSeedAndScheduleBudgetGiveTheSameFeasibleSchedule() {
        Solver.Options budget = Solver.Options.defaults().withTimeLimit(Long.MAX_VALUE).withMaxSchedules(3_000);
        Solver.Result a = Solver.solve(build, budget);
        assertThat(FeasibilityChecker.violations(build, a.schedule())).isEmpty();
        assertThat(a.makespan()).isGreaterThanOrEqualTo(a.lowerBound());
        assertThat(Solver.solve(build, budget).schedule()).isEqualTo(a.schedule());
    }
}
