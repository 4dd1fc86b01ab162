package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The search over each person's task order: it packs, keeps every schedule feasible, and applies only where it can. */
class SequenceSearchTest {

    static Project twoPeople(int... durations) {
        List<Person> people = List.of(new Person(1, "Ada", Map.of("weld", 1), List.of()), new Person(2, "Ben", Map.of("weld", 1), List.of()));
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < durations.length; i++) {
            tasks.add(new Task(i + 1, "task " + (i + 1), durations[i], List.of(), List.of(new Requirement("weld", 1, 1)), Map.of(), null, false));
        }
        return new Project("packing", tasks, people, List.of(), List.of(), List.of());
    }

    /** Everything given to the first person, one task after another: the worst start. */
    static SequenceSearch allOnOnePerson(Compiled c, long seed) {
        int[] starts = new int[c.n];
        int[][] chosen = new int[c.n][];
        int t = 0;
        for (int i = 0; i < c.n; i++) {
            starts[i] = t;
            t += c.duration[i];
            chosen[i] = new int[] {0};
        }
        return new SequenceSearch(c, starts, chosen, new SplittableRandom(seed));
    }

    @Test
    void aPerfectPackingIsFoundFromTheWorstStart() {
        Project p = twoPeople(3, 3, 2, 2, 2);
        Compiled c = Compiled.of(p);
        SequenceSearch search = allOnOnePerson(c, 1);
        assertThat(search.evaluate()).isEqualTo(12);
        long[] evaluations = {0};
        int makespan = search.run(6, () -> evaluations[0] > 100_000, () -> evaluations[0]++, m -> { });
        assertThat(makespan).isEqualTo(6); // {3, 3} and {2, 2, 2}: nothing else reaches the bound
        assertThat(FeasibilityChecker.violations(p, search.schedule())).isEmpty();
    }

    @Test
    void everyScheduleItReportsIsFeasibleAndBetterThanTheLast() {
        Random random = new Random(5);
        for (int k = 0; k < 10; k++) {
            Project p = SolverTest.randomMultiSkill(random, 12);
            Compiled c = Compiled.of(p);
            assertThat(SequenceSearch.applies(c)).isTrue();
            Solver.Result first = Solver.solve(p, Solver.Options.defaults().withSeed(k).withMaxSchedules(1));
            int[] starts = new int[c.n];
            int[][] chosen = new int[c.n][];
            for (Assignment a : first.schedule().assignments()) {
                int i = p.tasks().stream().map(Task::id).toList().indexOf(a.task());
                starts[i] = a.start();
                chosen[i] = a.people().stream().mapToInt(id -> personIndex(c, id)).toArray();
            }
            SequenceSearch search = new SequenceSearch(c, starts, chosen, new SplittableRandom(k));
            List<Integer> reported = new ArrayList<>();
            long[] evaluations = {0};
            int makespan = search.run(LowerBounds.of(c), () -> evaluations[0] > 20_000, () -> evaluations[0]++, m -> {
                reported.add(m);
                assertThat(FeasibilityChecker.violations(p, search.schedule())).isEmpty();
            });
            assertThat(makespan).isLessThanOrEqualTo(first.makespan());
            assertThat(FeasibilityChecker.violations(p, search.schedule())).isEmpty();
            for (int r = 1; r < reported.size(); r++) {
                assertThat(reported.get(r)).isLessThan(reported.get(r - 1));
            }
        }
    }

    static int personIndex(Compiled c, int id) {
        for (int q = 0; q < c.people; q++) {
            if (c.personId(q) == id) {
                return q;
            }
        }
        throw new IllegalArgumentException("no person " + id);
    }

    @Test
    void appliesOnlyToOnePersonTasksWithNothingElse() {
        assertThat(SequenceSearch.applies(Compiled.of(twoPeople(1, 2)))).isTrue();
        Project withMachine = new Project("m", List.of(new Task(1, "cut", 2, List.of(), List.of(new Requirement("weld", 1, 1)),
                Map.of("cnc", 1), null, false)), twoPeople(1).people(), List.of(new MachineType("cnc", 1)), List.of(), List.of());
        assertThat(SequenceSearch.applies(Compiled.of(withMachine))).isFalse();
        Project twoAtOnce = new Project("t", List.of(new Task(1, "lift", 2, List.of(), List.of(new Requirement("weld", 1, 2)),
                Map.of(), null, false)), twoPeople(1).people(), List.of(), List.of(), List.of());
        assertThat(SequenceSearch.applies(Compiled.of(twoAtOnce))).isFalse();
    }
}
