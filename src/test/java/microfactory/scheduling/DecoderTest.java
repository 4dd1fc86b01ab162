package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class DecoderTest {

    /**
     * A decoder reused list after list leaves nothing of the last list behind: each decode gives the start times a fresh
     * decoder gives, and a schedule the independent checker passes (a task on several machines checked against each). Every task on both of two
     * machine types (dense: machines copied back from the baseline), and every task on one of eight (sparse: undone task
     * by task), both with a machine out of service for a while (a baseline that is not empty).
     */
    @Test
    void aDecoderUsedAgainGivesWhatAFreshOneGives() {
        Random random = new Random(5);
        for (boolean dense : new boolean[] {true, false}) {
            Project project = dense ? project(random, 40, 2, 2) : project(random, 40, 8, 1);
            Compiled c = Compiled.of(project);
            Solver.Search search = new Solver.Search(c, SolverTest.QUICK, null, 0);
            Decoder reused = new Decoder(c);
            for (int k = 0; k < 200; k++) {
                int[] list = search.randomList();
                int makespan = reused.decode(list);
                Decoder fresh = new Decoder(c);
                assertThat(makespan).as("dense %s, list %d fits the horizon", dense, k).isPositive().isEqualTo(fresh.decode(list));
                assertThat(reused.start).as("dense %s, list %d", dense, k).containsExactly(fresh.start);
                assertThat(FeasibilityChecker.violations(project, schedule(c, reused))).as("dense %s, list %d", dense, k).isEmpty();
            }
        }
    }

    /** Lists sorted by short keys (counted) and by long ones (sorted) both put ties in topological order. */
    @Test
    void listsSortedByKeyKeepTiesInTopologicalOrderWhateverTheKeysRange() {
        Compiled c = Compiled.of(project(new Random(9), 40, 2, 1));
        Solver.Search search = new Solver.Search(c, SolverTest.QUICK, null, 0);
        Random random = new Random(3);
        for (int range : new int[] {3, 1_000_000}) {
            int[] keys = new int[c.n];
            for (int i = 0; i < c.n; i++) {
                keys[i] = random.nextInt(range) - range / 2;
            }
            for (boolean backward : new boolean[] {false, true}) {
                int[] sorted = search.sortedList(keys, backward);
                for (int k = 1; k < sorted.length; k++) {
                    int a = sorted[k - 1];
                    int b = sorted[k];
                    assertThat(keys[a]).isLessThanOrEqualTo(keys[b]);
                    if (keys[a] == keys[b]) {
                        assertThat(backward ? search.rank[a] > search.rank[b] : search.rank[a] < search.rank[b])
                                .as("range %d, backward %s: tie at %d", range, backward, k).isTrue();
                    }
                }
            }
        }
    }

    static Schedule schedule(Compiled c, Decoder decoded) {
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < c.n; i++) {
            assignments.add(new Assignment(c.taskId(i), decoded.start[i], decoded.finish[i], List.of(), List.of()));
        }
        return new Schedule(assignments);
    }

    /** n tasks, each on {@code uses} machine types of several (three of each), one machine of the first type out for a while. */
    static Project project(Random random, int n, int types, int uses) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Integer> machines = new TreeMap<>();
            while (machines.size() < uses) {
                machines.put("M" + random.nextInt(types), 1 + random.nextInt(3));
            }
            tasks.add(new Task(i, "task " + i, 1 + random.nextInt(6), SolverTest.randomPredecessors(random, i), List.of(),
                    machines, null, false));
        }
        List<MachineType> machines = new ArrayList<>();
        for (int m = 0; m < types; m++) {
            machines.add(new MachineType("M" + m, 3));
        }
        return new Project("decoder", tasks, List.of(), machines, List.of(), List.of(),
                List.of(new Outage("M0", 1, new Window(5, 15))));
    }
}
