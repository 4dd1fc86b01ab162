package microfactory.scheduling;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench schedule}: a generated swarm build of 300 tasks. Time to the first feasible schedule and
 * to a replan, each also as a multiple of one schedule decode measured in the same run; and the gap to
 * the lower bound after the time budget.
 */
@Command(name = "schedule", description = "Benchmark the scheduler on a generated 300-task swarm build.")
public final class ScheduleBench implements Callable<Integer> {

    @Option(names = "--units", description = "units built (25 tasks each; default ${DEFAULT-VALUE})") int units = 12;
    @Option(names = "--crew", description = "people (default ${DEFAULT-VALUE})") int crew = 24;
    @Option(names = "--time-limit", description = "seconds for the full solve (default ${DEFAULT-VALUE})") double seconds = 5;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project p = SwarmBuilds.generate(units, crew, 5, 42);
        out.printf("bench schedule: %s, %d tasks, %d bays, 5 days of 9 h (minutes)%n", p.name(), p.tasks().size(), p.bays().size());

        // Baseline: one decode of a fixed list, best of many, on warm code.
        Compiled c = Compiled.of(p);
        Decoder d = new Decoder(c);
        int[] list = LowerBounds.topological(c);
        long decode = Long.MAX_VALUE;
        for (int k = 0; k < 300; k++) {
            long t0 = System.nanoTime();
            d.decode(list);
            decode = Math.min(decode, System.nanoTime() - t0);
        }
        AtomicLong first = new AtomicLong(-1);
        long t0 = System.nanoTime();
        Solver.Result r = Solver.solve(p, Solver.Options.defaults().withTimeLimit((long) (seconds * 1000))
                .onImprovement(progress -> first.compareAndSet(-1, System.nanoTime() - t0)));
        out.printf("first feasible schedule: %.1f ms (goal <= 100 ms) = %.0f decodes of %.2f ms; includes checks, bounds and set-up%n",
                first.get() / 1e6, (double) first.get() / decode, decode / 1e6);
        List<String> problems = FeasibilityChecker.violations(p, r.schedule());
        out.printf("after %.0f s: makespan %d min, lower bound %d, gap %.2f%%, %d training pairs, %,d schedules, feasible: %s%n",
                seconds, r.makespan(), r.lowerBound(), r.gapPercent(), r.trainingPairs(), r.schedules(), problems.isEmpty());

        int now = r.makespan() / 3;
        int leaving = r.schedule().assignments().stream().filter(a -> a.start() < now && a.end() > now && !a.people().isEmpty())
                .findFirst().map(a -> a.people().get(0)).orElse(1);
        AtomicLong replanFirst = new AtomicLong(-1);
        long t1 = System.nanoTime();
        Replanner.Replan replan = Replanner.replan(p, r.schedule(), now, new Replanner.PersonLeaves(leaving),
                Solver.Options.defaults().withTimeLimit(800)
                        .onImprovement(progress -> replanFirst.compareAndSet(-1, System.nanoTime() - t1)));
        long replanTotal = System.nanoTime() - t1;
        out.printf("replan after person %d leaves at minute %d: first schedule %.1f ms, best within %.0f ms (goal <= 1 s): "
                        + "makespan %d, feasible: %s%n", leaving, now, replanFirst.get() / 1e6, replanTotal / 1e6,
                replan.result().makespan(), FeasibilityChecker.violations(replan.project(), replan.result().schedule()).isEmpty());
        int[] load = new int[crew + 1];
        r.schedule().assignments().forEach(a -> a.people().forEach(q -> load[q] += a.end() - a.start()));
        int[] worked = Arrays.stream(load).skip(1).sorted().toArray();
        out.printf("workload per person (minutes): min %d, median %d, max %d%n", worked[0], worked[worked.length / 2],
                worked[worked.length - 1]);
        return problems.isEmpty() ? 0 : 1;
    }
}
