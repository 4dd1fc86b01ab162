package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The lower bounds: valid (never above the optimum) and as strong as the heads and tails around each machine allow. */
class LowerBoundsTest {

    @Test
    void aMachinesLoadSitsBetweenTheWorkBeforeAndAfterIt() {
        // Two 10-unit tasks share one press; each waits for a 5-unit task and is followed by a 7-unit task.
        List<Task> tasks = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int base = 10 * k;
            tasks.add(Task.of(base + 1, 5, List.of()));
            tasks.add(new Task(base + 2, "press " + k, 10, List.of(base + 1), List.of(), Map.of("press", 1), null, false));
            tasks.add(Task.of(base + 3, 7, List.of(base + 2)));
        }
        Project p = new Project("press", tasks, List.of(), List.of(new MachineType("press", 1)), List.of(), List.of());
        Compiled c = Compiled.of(p);
        assertThat(LowerBounds.criticalPath(c)).isEqualTo(22);
        assertThat(LowerBounds.of(c)).as("5 before + 20 on the press + 7 after").isEqualTo(32).isEqualTo(BruteForce.optimum(p));
    }

    @Test
    void theBoundNeverExceedsTheOptimumOfSmallProjects() {
        Random random = new Random(5);
        for (int k = 0; k < 150; k++) {
            Project p = k % 2 == 0 ? SolverTest.randomRcpsp(random, 6) : SolverTest.randomMultiSkill(random, 6);
            assertThat(LowerBounds.of(Compiled.of(p))).as("instance %d", k).isLessThanOrEqualTo(BruteForce.optimum(p));
        }
    }
}
