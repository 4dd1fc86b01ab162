package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import microfactory.support.SharedData;

class SolverTest {

    static final Solver.Options QUICK = Solver.Options.defaults().withTimeLimit(300);

    /** Each earlier task precedes task i with probability 1/4. */
    static List<Integer> randomPredecessors(Random random, int i) {
        List<Integer> preds = new ArrayList<>();
        for (int j = 1; j < i; j++) {
            if (random.nextInt(4) == 0) {
                preds.add(j);
            }
        }
        return preds;
    }

    /** A random RCPSP of n tasks on two machine types, tasks listed after their predecessors. */
    static Project randomRcpsp(Random random, int n) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<Integer> preds = randomPredecessors(random, i);
            tasks.add(new Task(i, "task " + i, 1 + random.nextInt(3), preds, List.of(),
                    Map.of("A", 1 + random.nextInt(2), "B", random.nextInt(3)), null, false));
        }
        return new Project("random", tasks, List.of(), List.of(new MachineType("A", 2), new MachineType("B", 2)), List.of(), List.of());
    }

    /** A random multi-skill project: n tasks, three people with different skills. */
    static Project randomMultiSkill(Random random, int n) {
        List<Person> people = List.of(new Person(1, "Ada", Map.of("weld", 2, "cnc", 1), List.of()),
                new Person(2, "Ben", Map.of("weld", 1), List.of()), new Person(3, "Cy", Map.of("cnc", 2), List.of()));
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<Integer> preds = randomPredecessors(random, i);
            String skill = random.nextBoolean() ? "weld" : "cnc";
            tasks.add(new Task(i, "task " + i, 1 + random.nextInt(4), preds, List.of(new Requirement(skill, 1 + random.nextInt(2), 1)),
                    Map.of(), null, false));
        }
        return new Project("skills", tasks, people, List.of(), List.of(), List.of());
    }

    @Test
    void smallProjectsReachTheBruteForceOptimum() {
        Random random = new Random(11);
        for (int k = 0; k < 25; k++) {
            Project p = k % 2 == 0 ? randomRcpsp(random, 6) : randomMultiSkill(random, 6);
            Solver.Result r = Solver.solve(p, QUICK.withSeed(k));
            assertThat(FeasibilityChecker.violations(p, r.schedule())).isEmpty();
            assertThat(r.makespan()).as("instance %d", k).isEqualTo(BruteForce.optimum(p));
            assertThat(r.lowerBound()).isLessThanOrEqualTo(r.makespan());
        }
    }

    @Test
    void theSameSeedAndBudgetGiveTheSameSchedule() {
        Project p = randomMultiSkill(new Random(3), 30);
        // past Solver.restartAfter schedules, so restarts (and their switch of person rule) happen and stay deterministic
        Solver.Options budget = Solver.Options.defaults().withTimeLimit(60_000).withMaxSchedules(3 * Solver.restartAfter(30));
        Schedule a = Solver.solve(p, budget.withSeed(7)).schedule();
        Schedule b = Solver.solve(p, budget.withSeed(7)).schedule();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aLargerProjectIsGivenLongerToImproveBeforeTheSearchRestarts() {
        assertThat(Solver.restartAfter(32)).isEqualTo(30_000); // J30 (with its two dummy jobs): as before
        assertThat(Solver.restartAfter(62)).isEqualTo(31_000); // J60
        assertThat(Solver.restartAfter(122)).isEqualTo(61_000); // J120: 500 schedules per task
        assertThat(Solver.restartAfter(375)).isEqualTo(187_500);
    }

    @Test
    void aLargerProjectKeepsALargerPopulationUpTo650() {
        assertThat(Solver.populationSize(32)).isEqualTo(400); // J30: as before
        assertThat(Solver.populationSize(62)).isEqualTo(400); // J60: as before (800 lost there)
        assertThat(Solver.populationSize(122)).isEqualTo(610); // J120: five per task
        assertThat(Solver.populationSize(375)).isEqualTo(650); // the swarm build: no more (1,500 lost on 120 tasks)
    }

    @Test
    void theLocalStepMovesMoreTasksInALongerListUpToThree() {
        assertThat(Solver.localMoves(32)).isEqualTo(1); // J30: 1-3 tasks, as before
        assertThat(Solver.localMoves(45)).isEqualTo(2);
        assertThat(Solver.localMoves(62)).isEqualTo(3); // J60: 3-11
        assertThat(Solver.localMoves(122)).isEqualTo(3); // J120: 3-11
        assertThat(Solver.localMoves(375)).isEqualTo(3); // the swarm build: no more (larger steps measured no better)
    }

    @Test
    void largerProjectsLimitedByMachinesAreSearchedBothWaysWhenNothingDependsOnTheTimeOfDay() {
        assertThat(Solver.bothWays(Compiled.of(randomRcpsp(new Random(1), 40)))).isTrue();
        assertThat(Solver.bothWays(Compiled.of(randomRcpsp(new Random(1), 30)))).as("J30's size: one search").isFalse();
        assertThat(Solver.bothWays(Compiled.of(randomMultiSkill(new Random(1), 60)))).as("people only: the sequence search's shape").isFalse();
        Project build = SwarmBuilds.generate(1, 2, 8, 0, 5, 1);
        assertThat(Solver.bothWays(Compiled.of(build))).as("working windows: a mirrored day is another day").isFalse();
    }

    @Test
    void aScheduleOfTheMirroredProjectReadBackwardsIsAScheduleOfTheProject() {
        Project p = randomRcpsp(new Random(8), 50);
        Compiled c = Compiled.of(p);
        Solver.Result mirrored = new Solver.Search(c.mirror(), QUICK.withMaxSchedules(3_000), null, 0).run();
        Schedule backwards = Solver.reversed(mirrored.schedule(), mirrored.makespan());
        assertThat(FeasibilityChecker.violations(p, backwards)).isEmpty();
        assertThat(backwards.makespan()).isEqualTo(mirrored.makespan());
        for (Task t : p.tasks()) {
            Assignment there = mirrored.schedule().of(t.id());
            assertThat(backwards.of(t.id()).end()).isEqualTo(mirrored.makespan() - there.start());
        }
        // and a search both ways reports only better schedules, each a schedule of the project, across the two halves
        List<Integer> seen = new ArrayList<>();
        Solver.Result r = Solver.solve(p, QUICK.withMaxSchedules(20_000).onImprovement(progress -> {
            assertThat(FeasibilityChecker.violations(p, progress.schedule())).isEmpty();
            assertThat(progress.schedule().makespan()).isEqualTo(progress.makespan());
            seen.add(progress.makespan());
        }));
        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo((x, y) -> Integer.compare(y, x));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(r.makespan());
        assertThat(FeasibilityChecker.violations(p, r.schedule())).isEmpty();
        assertThat(r.schedules()).isLessThanOrEqualTo(20_000 + 10);
    }

    @Test
    void everyImprovementIsReportedAndEachIsBetter() {
        Project p = randomRcpsp(new Random(5), 40);
        List<Integer> seen = new ArrayList<>();
        Solver.Result r = Solver.solve(p, QUICK.onImprovement(progress -> {
            assertThat(FeasibilityChecker.violations(p, progress.schedule())).isEmpty();
            seen.add(progress.makespan());
        }));
        assertThat(seen).isNotEmpty().isSortedAccordingTo((x, y) -> Integer.compare(y, x));
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(r.makespan());
        assertThat(r.gapPercent()).isEqualTo(100.0 * (r.makespan() - r.lowerBound()) / r.lowerBound());
    }

    @Test
    void latenessIsZeroExactlyWhenAScheduleMeetsTheTargetAndSquaresEachTasksOvershoot() {
        Project p = randomRcpsp(new Random(5), 40);
        Compiled c = Compiled.of(p);
        Solver.Search search = new Solver.Search(c, QUICK, null, 0);
        for (int k = 0; k < 100; k++) {
            int makespan = search.forward.decode(search.randomList());
            int[] start = search.forward.start;

            search.bestMakespan = makespan + 1; // target: this makespan
            assertThat(search.lateness(start)).isZero();
            search.bestMakespan = makespan;     // target: one less
            assertThat(search.lateness(start)).isPositive();

            int target = makespan - 1 - k % 5;
            search.bestMakespan = target + 1;
            long expected = 0;
            for (int i = 0; i < c.n; i++) {
                long late = Math.max(0, start[i] + longestPathFrom(c, i) - target);
                expected += late * late;
            }
            assertThat(search.lateness(start)).as("case %d", k).isEqualTo(expected);
        }
    }

    /** Task i's duration and the longest chain of work after it, by plain recursion. */
    private static int longestPathFrom(Compiled c, int i) {
        int after = 0;
        for (int s : c.succs[i]) {
            after = Math.max(after, longestPathFrom(c, s));
        }
        return c.duration[i] + after;
    }

    @Test
    void theSecondPhaseJudgesMembersByLatenessFromHalfTheBudgetOrFromTheStart() {
        Compiled c = Compiled.of(randomRcpsp(new Random(6), 40));
        Solver.Search search = new Solver.Search(c, QUICK.withTimeLimit(Long.MAX_VALUE).withMaxSchedules(1_000), null, 0)
                .narrowingFrom(Solver.SecondPhase.FROM_HALF);
        int[] value = new int[5];
        search.startOf = new int[5][];
        search.bestMakespan = Integer.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            value[k] = search.forward.decode(search.randomList());
            search.startOf[k] = search.forward.start.clone();
            search.bestMakespan = Math.min(search.bestMakespan, value[k]);
        }
        search.schedules = 499;
        assertThat(search.narrowing()).isFalse();
        assertThat(search.fitness(value, 5, false)).startsWith(Arrays.stream(value).asLongStream().toArray());

        search.schedules = 500;
        assertThat(search.narrowing()).isTrue();
        assertThat(search.fitness(value, 5, true)).startsWith(latenessOf(search, 5));
        search.bestMakespan--; // a better schedule found: the target moves and every member is judged again
        assertThat(search.fitness(value, 5, true)).startsWith(latenessOf(search, 5));

        Solver.Search oneWay = new Solver.Search(c, QUICK.withTimeLimit(Long.MAX_VALUE).withMaxSchedules(1_000), null, 0);
        oneWay.schedules = 900;
        assertThat(oneWay.narrowing()).as("a search that does not run both ways keeps the makespan").isFalse();
        assertThat(new Solver.Search(c, QUICK, null, 0).narrowingFrom(Solver.SecondPhase.FROM_START).narrowing()).isTrue();
    }

    private static long[] latenessOf(Solver.Search search, int size) {
        long[] lateness = new long[size];
        for (int k = 0; k < size; k++) {
            lateness[k] = search.lateness(search.startOf[k]);
        }
        return lateness;
    }

    @Test
    void peakCrossoverKeepsTheFathersBusiestStretchWholeAndTheListFeasible() {
        Project p = randomRcpsp(new Random(9), 40);
        Compiled c = Compiled.of(p);
        Solver.Search search = new Solver.Search(c, QUICK, null, 0);
        for (int k = 0; k < 50; k++) {
            int[] mother = search.randomList();
            int[] father = search.randomList();
            int makespan = search.forward.decode(father);
            int[] start = search.forward.start.clone();

            int[] child = search.peakCrossover(mother, father, start);
            assertThat(child).containsExactlyInAnyOrder(mother);
            assertPrecedenceFeasible(c, child);

            int length = 1 + k % makespan;
            int from = search.busiestStretch(start, makespan, length);
            assertThat(loadBetween(c, start, from, from + length)).as("case %d", k)
                    .isEqualTo(mostLoadOverAnyStretch(c, start, makespan, length), offset(1e-9));

            int[] kept = Solver.Search.keepStretch(mother, father, start, from, from + length);
            assertPrecedenceFeasible(c, kept);
            List<Integer> expected = new ArrayList<>();
            for (int i : mother) {
                if (start[i] < from) {
                    expected.add(i);
                }
            }
            for (int i : father) {
                if (start[i] >= from && start[i] < from + length) {
                    expected.add(i);
                }
            }
            for (int i : mother) {
                if (start[i] >= from + length) {
                    expected.add(i);
                }
            }
            assertThat(kept).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static void assertPrecedenceFeasible(Compiled c, int[] list) {
        int[] position = new int[c.n];
        for (int k = 0; k < list.length; k++) {
            position[list[k]] = k;
        }
        for (int i = 0; i < c.n; i++) {
            for (int pred : c.preds[i]) {
                assertThat(position[pred]).as("%d before %d", pred, i).isLessThan(position[i]);
            }
        }
    }

    /** Each task's share of every machine it uses, summed over the time units of [from, to) it runs in. */
    private static double loadBetween(Compiled c, int[] start, int from, int to) {
        double load = 0;
        for (int i = 0; i < c.n; i++) {
            int overlap = Math.max(0, Math.min(to, start[i] + c.duration[i]) - Math.max(from, start[i]));
            for (int k = 0; k < c.demandResource[i].length; k++) {
                load += overlap * (double) c.demandAmount[i][k] / c.capacity[c.demandResource[i][k]];
            }
        }
        return load;
    }

    private static double mostLoadOverAnyStretch(Compiled c, int[] start, int makespan, int length) {
        double most = 0;
        for (int from = 0; from + length <= makespan; from++) {
            most = Math.max(most, loadBetween(c, start, from, from + length));
        }
        return most;
    }

    @Test
    void anImpossibleProjectIsExplainedTaskByTaskNotTimedOut() {
        List<Person> people = List.of(new Person(1, "Ada", Map.of("weld", 1), List.of()));
        List<Task> tasks = List.of(
                new Task(1, "frame", 5, List.of(3), List.of(new Requirement("weld", 3, 1)), Map.of(), null, false),
                new Task(2, "cut", 2, List.of(), List.of(), Map.of("waterjet", 1), null, false),
                new Task(3, "paint", 2, List.of(1), List.of(), Map.of(), "B9", false));
        Project p = new Project("bad", tasks, people, List.of(), List.of(new Bay("B1", 2)), List.of());
        assertThatThrownBy(() -> Solver.solve(p, QUICK)).isInstanceOfSatisfying(InfeasibleProjectException.class, e ->
                assertThat(e.reasons()).containsExactlyInAnyOrder(
                        "task 1 (frame) needs 1 person with weld at level 3 or above; no one has it",
                        "task 2 (cut) needs machine type 'waterjet', which the project does not have",
                        "task 3 (paint) happens in bay 'B9', which the project does not have",
                        "tasks 1 → 3 → 1 wait for each other (a precedence cycle)"));
    }

    /** Work that must wait for a machine out of service longer than all the work takes still finds its place after it. */
    @Test
    void workWaitsForAMachineOutLongerThanAllTheWork() {
        List<Task> tasks = List.of(
                new Task(1, "cut", 2, List.of(), List.of(), Map.of("torch", 1), null, false),
                new Task(2, "trim", 2, List.of(1), List.of(), Map.of("torch", 1), null, false),
                new Task(3, "mark", 1, List.of(), List.of(), Map.of(), null, false));
        Project p = new Project("outage", tasks, List.of(), List.of(new MachineType("torch", 1)), List.of(), List.of(),
                List.of(new Outage("torch", 1, new Window(0, 50))));
        Solver.Result r = Solver.solve(p, QUICK);
        assertThat(r.makespan()).isEqualTo(54);
        assertThat(FeasibilityChecker.violations(p, r.schedule())).isEmpty();
    }

    @Test
    void tasksFitTheWorkingDayAndPeopleWorkOnlyWhenThere() {
        // Two 9-hour days in minutes; Ben is there on day 2 only.
        List<Window> days = List.of(new Window(480, 1020), new Window(1920, 2460));
        List<Person> people = List.of(new Person(1, "Ada", Map.of("weld", 2), List.of()),
                new Person(2, "Ben", Map.of("weld", 2), List.of(new Window(1920, 2460))));
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            tasks.add(new Task(i, "weld " + i, 120, i > 2 ? List.of(i - 2) : List.of(), List.of(new Requirement("weld", 2, 1)),
                    Map.of(), null, false));
        }
        Project p = new Project("two days", tasks, people, List.of(), List.of(), days);
        Solver.Result r = Solver.solve(p, QUICK);
        assertThat(FeasibilityChecker.violations(p, r.schedule())).isEmpty();
        assertThat(r.schedule().assignments()).allMatch(a -> days.stream().anyMatch(w -> w.contains(a.start(), a.end())));
        assertThat(r.schedule().assignments()).filteredOn(a -> a.people().contains(2)).allMatch(a -> a.start() >= 1920);
    }

    @Test
    void noviceWorksBesideTheCrewWithoutDelayingTheBuild() {
        List<Person> people = List.of(new Person(1, "Ada", Map.of("weld", 3), List.of()),
                new Person(2, "Novice", Map.of("weld", 1), List.of()), new Person(3, "Newcomer", Map.of(), List.of()));
        List<Task> tasks = List.of(
                new Task(1, "frame", 4, List.of(), List.of(new Requirement("weld", 2, 1)), Map.of(), null, true),
                new Task(2, "axle", 3, List.of(1), List.of(new Requirement("weld", 2, 1)), Map.of(), null, true));
        Project p = new Project("learn", tasks, people, List.of(), List.of(), List.of());
        Solver.Result r = Solver.solve(p, QUICK);
        assertThat(r.makespan()).isEqualTo(7);
        assertThat(r.trainingPairs()).isEqualTo(2);
        assertThat(FeasibilityChecker.violations(p, r.schedule())).isEmpty();
        assertThat(r.schedule().assignments()).allMatch(a -> a.people().equals(List.of(1)) && a.trainees().size() == 1);
    }

    @Test
    void replanningKeepsStartedWorkAndRespectsTheChange() {
        Project p = randomMultiSkill(new Random(9), 25);
        Solver.Result first = Solver.solve(p, QUICK);
        int now = first.makespan() / 3;
        Assignment running = first.schedule().assignments().stream().filter(a -> a.start() < now && a.end() > now)
                .findFirst().orElseThrow();
        Assignment finished = first.schedule().assignments().stream().filter(a -> a.end() <= now).findFirst().orElseThrow();
        assertThatThrownBy(() -> Replanner.replan(p, first.schedule(), now, new Replanner.TaskRunsLate(finished.task(), 5), QUICK))
                .hasMessageContaining("only a task in progress or not yet started can run late");
        for (Replanner.Change change : List.of(new Replanner.TaskRunsLate(running.task(), 5), new Replanner.PersonLeaves(2))) {
            Replanner.Replan replan = Replanner.replan(p, first.schedule(), now, change, QUICK);
            Schedule next = replan.result().schedule();
            assertThat(FeasibilityChecker.violations(replan.project(), next)).as(change.toString()).isEmpty();
            for (Assignment before : first.schedule().assignments()) {
                Assignment after = next.of(before.task());
                if (before.start() < now) {
                    assertThat(after.start()).isEqualTo(before.start());
                    assertThat(after.people()).isEqualTo(before.people());
                } else {
                    assertThat(after.start()).isGreaterThanOrEqualTo(now);
                }
            }
        }
        Project random = randomRcpsp(new Random(4), 20);
        Project rcpsp = new Project("three A", random.tasks(), List.of(), List.of(new MachineType("A", 3), new MachineType("B", 2)),
                List.of(), List.of());
        Solver.Result plan = Solver.solve(rcpsp, QUICK);
        Replanner.Replan broken = Replanner.replan(rcpsp, plan.schedule(), 2, new Replanner.MachinesBreak("A", 1), QUICK);
        assertThat(FeasibilityChecker.violations(broken.project(), broken.result().schedule())).isEmpty();
        assertThat(broken.result().makespan()).isGreaterThanOrEqualTo(plan.makespan());
        assertThatThrownBy(() -> Replanner.replan(rcpsp, plan.schedule(), 2, new Replanner.MachinesBreak("A", 2), QUICK))
                .isInstanceOfSatisfying(InfeasibleProjectException.class, e -> assertThat(e.reasons())
                        .allMatch(r -> r.matches("task \\d+ needs 2 of 'A' at once; after the breakdown 1 is in service")));
    }

    @Test
    void publicInstancesGiveCheckedSchedulesWithinTheBounds() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(SharedData.require("psplib/j30"))) {
            s.sorted().limit(12).forEach(files::add);
        }
        try (var s = Files.list(SharedData.require("imopse/d36"))) {
            s.sorted().limit(4).forEach(files::add);
        }
        for (Path f : files) {
            Project p = f.toString().endsWith(".sm") ? InstanceReaders.psplib(f) : InstanceReaders.imopse(f);
            Solver.Result r = Solver.solve(p, Solver.Options.defaults().withTimeLimit(200));
            assertThat(FeasibilityChecker.violations(p, r.schedule())).as(f.toString()).isEmpty();
            assertThat(r.makespan()).isGreaterThanOrEqualTo(r.lowerBound());
        }
    }
}
