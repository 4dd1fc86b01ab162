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
 * {@code bench schedule}: a generated swarm build, by default five units of a 75-task design (375 tasks) across 12 bays with
 * a crew of 24 including trainees. Time to the first feasible schedule and to a replan, each also as a multiple of one
 * schedule decode measured in the same run; the gap to the lower bound after each time budget; and whether the same seed
 * and schedule budget give the same schedule.
 */
@Command(name = "schedule", description = "Benchmark the scheduler on a generated swarm build (5 units of a 75-task design).")
public final class ScheduleBench implements Callable<Integer> {

    @Option(names = "--units", description = "units built (default ${DEFAULT-VALUE})") int units = 5;
    @Option(names = "--stages", description = "stages of 25 tasks in the design (default ${DEFAULT-VALUE}: 75 tasks)") int stages = 3;
    @Option(names = "--crew", description = "people (default ${DEFAULT-VALUE})") int crew = 24;
    @Option(names = "--days", description = "working days of 9 h the build may take (default ${DEFAULT-VALUE})") int days = 10;
    @Option(names = "--trainees", description = "of the crew, novices (default ${DEFAULT-VALUE})") int trainees = 6;
    @Option(names = "--time-limit", split = ",", description = "seconds for each full solve (default ${DEFAULT-VALUE})")
    double[] seconds = {1, 10};
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (units < 1 || stages < 1 || crew < 1 || days < 1 || trainees < 0 || trainees >= crew) {
            spec.commandLine().getErr().println("--units, --stages, --crew and --days are at least 1; --trainees fewer than the crew");
            return 2;
        }
        Project p = SwarmBuilds.generate(units, stages, crew, trainees, days, 42);
        out.printf("bench schedule: %s, %d tasks, %d bays, at most %d days of 9 h (minutes)%n", p.name(), p.tasks().size(),
                p.bays().size(), days);

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
        Solver.Result r = null;
        for (double budget : seconds) {
            AtomicLong first = new AtomicLong(-1);
            long t0 = System.nanoTime();
            r = Solver.solve(p, Solver.Options.defaults().withTimeLimit((long) (budget * 1000))
                    .onImprovement(progress -> first.compareAndSet(-1, System.nanoTime() - t0)));
            List<String> problems = FeasibilityChecker.violations(p, r.schedule());
            out.printf("%.0f s: first feasible schedule after %.1f ms (goal <= 200 ms) = %.0f decodes of %.2f ms; makespan %d min, "
                            + "lower bound %d, gap %.2f%%, %d training pairs, %,d schedules, feasible: %s%n", budget, first.get() / 1e6,
                    (double) first.get() / decode, decode / 1e6, r.makespan(), r.lowerBound(), r.gapPercent(), r.trainingPairs(),
                    r.schedules(), problems.isEmpty());
            if (!problems.isEmpty()) {
                out.println("INFEASIBLE: " + problems.get(0));
                return 1;
            }
        }
        Solver.Options fixed = Solver.Options.defaults().withTimeLimit(Long.MAX_VALUE).withMaxSchedules(20_000);
        boolean same = Solver.solve(p, fixed).schedule().equals(Solver.solve(p, fixed).schedule());
        out.printf("deterministic: the same seed and 20,000 schedules gave the %s schedule twice%n", same ? "same" : "a different");

        int now = r.makespan() / 3;
        int leaving = r.schedule().assignments().stream().filter(a -> a.start() < now && a.end() > now)
                .flatMap(a -> a.people().stream()).filter(q -> replaceable(p, q)).findFirst().orElse(1);
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
        return same ? 0 : 1;
    }

    /** Someone whose every skill someone else has at the same level or better, so the build can go on without them. */
    private static boolean replaceable(Project p, int id) {
        Person leaving = p.people().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        return leaving.skills().entrySet().stream().allMatch(skill -> p.people().stream().anyMatch(other -> other.id() != id
                && other.skills().getOrDefault(skill.getKey(), -1) >= skill.getValue()));
    }
}
