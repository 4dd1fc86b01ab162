package microfactory.scheduling;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import microfactory.common.CsvRecords;
import microfactory.common.VerbGroup;

import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code schedule solve} and {@code schedule bench}: the scheduler from the command line, no server. */
@Command(name = "schedule", description = "Solve scheduling instances and benchmark the scheduler.",
        subcommands = {ScheduleCommand.Solve.class, ScheduleCommand.Bench.class, ScheduleCommand.Generate.class})
public final class ScheduleCommand extends VerbGroup {

    static Project read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".sm")) {
            return InstanceReaders.psplib(file);
        }
        if (name.endsWith(".def")) {
            return InstanceReaders.imopse(file);
        }
        throw new IllegalArgumentException(file + ": expected a PSPLIB .sm or an iMOPSE .def file");
    }

    static String instanceName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Command(name = "solve", description = "Solve one instance (.sm or .def) and print the schedule as text and JSON.")
    static final class Solve implements Callable<Integer> {
        @Parameters(index = "0") Path file;
        @Option(names = "--time-limit", description = "seconds (default ${DEFAULT-VALUE})") double seconds = 1;
        @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})") long seed = 1;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Project p = read(file);
                Solver.Result r = Solver.solve(p, Solver.Options.defaults().withSeed(seed).withTimeLimit((long) (seconds * 1000))
                        .onImprovement(progress -> err.printf("  %6d ms  makespan %d  (gap %.2f%% to bound %d)%n",
                                progress.elapsedMillis(), progress.makespan(), progress.gapPercent(), progress.lowerBound())));
                List<String> problems = FeasibilityChecker.violations(p, r.schedule());
                out.printf("%s: makespan %d, lower bound %d, gap %.2f%%%s, %d schedules in %d ms%n", p.name(), r.makespan(),
                        r.lowerBound(), r.gapPercent(), r.optimal() ? " (optimal)" : "", r.schedules(), r.elapsedMillis());
                for (Assignment a : r.schedule().assignments()) {
                    out.printf("  task %4d  %6d – %-6d %s%n", a.task(), a.start(), a.end(),
                            a.people().isEmpty() ? "" : "people " + a.people());
                }
                out.println(json(p.name(), r));
                if (!problems.isEmpty()) {
                    err.println("INFEASIBLE: " + problems);
                    return 1;
                }
                return 0;
            } catch (InstanceFormatException | InfeasibleProjectException | IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println(file + ": " + e.getMessage());
                return 1;
            }
        }

        /** The schedule as JSON, written by Jackson (an instance's name may hold any character). */
        static String json(String name, Solver.Result r) {
            ObjectNode root = JSON.createObjectNode().put("instance", name).put("makespan", r.makespan())
                    .put("lowerBound", r.lowerBound()).put("gapPercent", Math.round(r.gapPercent() * 10_000) / 10_000.0);
            ArrayNode tasks = root.putArray("tasks");
            for (Assignment a : r.schedule().assignments()) {
                ObjectNode t = tasks.addObject().put("task", a.task()).put("start", a.start()).put("end", a.end());
                ArrayNode people = t.putArray("people");
                a.people().forEach(people::add);
            }
            return JSON.writeValueAsString(root);
        }

        private static final JsonMapper JSON = JsonMapper.builder().build();
    }

    @Command(name = "generate", description = "Write projects made as ProGen makes PSPLIB's (default: J120's parameters) as .sm "
            + "files, to measure the scheduler at sizes whose published sets are not at hand.")
    static final class Generate implements Callable<Integer> {
        @Parameters(index = "0", description = "folder to write p00.sm, p01.sm, ... into") Path dir;
        @Option(names = "--jobs", description = "jobs per project, source and sink not counted (default ${DEFAULT-VALUE})") int jobs = 120;
        @Option(names = "--count", description = "projects (default ${DEFAULT-VALUE})") int count = 40;
        @Option(names = "--seed", description = "random seed: the same seed writes the same files (default ${DEFAULT-VALUE})") long seed = 12;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (jobs < 8 || count < 1) {
                spec.commandLine().getErr().println("--jobs is at least 8 and --count at least 1");
                return 2;
            }
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(seed);
            int digits = Integer.toString(count - 1).length();
            for (int k = 0; k < count; k++) {
                ProgenLike.Parameters p = ProgenLike.j120Like(random, jobs);
                Files.writeString(dir.resolve(String.format(Locale.ROOT, "p%0" + Math.max(2, digits) + "d.sm", k)),
                        ProgenLike.generate(p, random.nextLong()));
            }
            spec.commandLine().getOut().printf("Wrote %d projects of %d jobs to %s (seed %d).%n", count, jobs, dir, seed);
            return 0;
        }
    }

    @Command(name = "bench", description = "Solve every instance in <dir>; write results.csv and schedules; compare with the reference tables beside <dir>.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--format", required = true, description = "psplib or imopse") String format;
        @Parameters(index = "0", description = "folder of .sm or .def files") Path dir;
        @Option(names = "--time-limit", description = "seconds per instance (default ${DEFAULT-VALUE})") double seconds = 1;
        @Option(names = "--out", description = "results CSV (default ${DEFAULT-VALUE})") Path out = Path.of("results.csv");
        @Option(names = "--schedules", description = "folder for one schedule CSV per instance") Path schedules;
        @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})") long seed = 1;
        @Option(names = "--limit", description = "solve only the first N instances") Integer limit;
        @Option(names = "--max-schedules", description = "stop each instance after this many schedules (repeatable runs, as papers count)")
        Long maxSchedules;
        @Option(names = "--threads", description = "instances solved at once, each by one thread (default ${DEFAULT-VALUE})")
        int threads = 1;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        /** One instance solved: its result, the critical-path bound of its precedences, and whether the schedule held. */
        record Solved(String name, Project project, Solver.Result result, int criticalPath, List<String> problems, double seconds) {
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter log = spec.commandLine().getOut();
            boolean psplib = format.equals("psplib");
            if (!psplib && !format.equals("imopse")) {
                spec.commandLine().getErr().println("--format is psplib or imopse");
                return 2;
            }
            if (threads < 1) {
                spec.commandLine().getErr().println("--threads is at least 1");
                return 2;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.toString().endsWith(psplib ? ".sm" : ".def")).sorted().collect(Collectors.toList());
            }
            if (limit != null && limit < files.size()) {
                files = files.subList(0, limit);
            }
            Map<String, Map<String, String>> table = table(dir, psplib ? "-bounds.csv" : "-lower-bounds.csv");
            String refColumn = psplib ? "ub" : "lb";
            Map<String, Map<String, String>> cpsat = table(dir, "-cpsat-reference.csv");
            if (schedules != null) {
                Files.createDirectories(schedules);
            }
            List<String> rows = new ArrayList<>(List.of("instance,makespan,lower_bound,seconds,schedules"));
            double devReference = 0;
            double devCpsat = 0;
            double aboveCriticalPath = 0;
            double referenceAboveCriticalPath = 0;
            int compared = 0;
            int comparedCpsat = 0;
            int matched = 0;
            int referenceOptimal = 0;
            int infeasible = 0;
            int provenOptimal = 0;
            int cpsatOptimal = 0; // instances where CP-SAT's schedule meets the reference bound: proven optimal
            int cpsatOptimalMatched = 0;
            long totalMillis = 0;
            long totalSchedules = 0;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Solved>> work = new ArrayList<>();
                for (Path f : files) {
                    work.add(pool.submit(() -> solve(f)));
                }
                for (int k = 0; k < files.size(); k++) {
                    Solved solved;
                    try {
                        solved = work.get(k).get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof IOException io) {
                            throw io;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                    String name = solved.name();
                    Solver.Result r = solved.result();
                    totalMillis += (long) (solved.seconds() * 1000);
                    totalSchedules += r.schedules();
                    if (!solved.problems().isEmpty()) {
                        infeasible++;
                        log.println("INFEASIBLE " + name + ": " + solved.problems().get(0));
                    }
                    provenOptimal += r.optimal() ? 1 : 0;
                    aboveCriticalPath += 100.0 * (r.makespan() - solved.criticalPath()) / solved.criticalPath();
                    rows.add(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%d", name, r.makespan(), r.lowerBound(), solved.seconds(), r.schedules()));
                    String note = "";
                    Integer ref = number(table, name, refColumn);
                    if (ref != null) {
                        devReference += 100.0 * (r.makespan() - ref) / ref;
                        referenceAboveCriticalPath += 100.0 * (ref - solved.criticalPath()) / solved.criticalPath();
                        compared++;
                        matched += r.makespan() <= ref ? 1 : 0;
                        referenceOptimal += "optimal".equals(table.get(name).get("status")) ? 1 : 0;
                        note = " reference " + ref;
                    }
                    Integer cp = number(cpsat, name, "makespan");
                    if (cp != null) {
                        devCpsat += 100.0 * (r.makespan() - cp) / cp;
                        comparedCpsat++;
                        note += " cp-sat " + cp;
                        if (cp.equals(ref)) {
                            cpsatOptimal++;
                            cpsatOptimalMatched += r.makespan() <= cp ? 1 : 0;
                        }
                    }
                    log.printf(Locale.ROOT, "[%d/%d] %s makespan %d bound %d%s %.2fs%n", k + 1, files.size(), name, r.makespan(),
                            r.lowerBound(), note, solved.seconds());
                    log.flush();
                    if (schedules != null) {
                        writeSchedule(schedules.resolve(name + ".csv"), r.schedule(), psplib);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            Files.write(out, rows, StandardCharsets.UTF_8);
            // Schedules as the literature counts them (each pass of the decoder), so a time budget can be set beside theirs.
            log.printf(Locale.ROOT, "%d instances, %.1f s and %d schedules per instance on average, %d feasible (checked), %d proven optimal (makespan = our bound)%n",
                    files.size(), totalMillis / 1000.0 / Math.max(1, files.size()), totalSchedules / Math.max(1, files.size()),
                    files.size() - infeasible, provenOptimal);
            if (psplib && !files.isEmpty()) {
                log.printf(Locale.ROOT, "mean above the critical-path bound: %.2f%% over %d instances%s%n", aboveCriticalPath / files.size(),
                        files.size(), compared == files.size()
                                ? String.format(Locale.ROOT, " (the best known makespans: %.2f%%)", referenceAboveCriticalPath / compared) : "");
            }
            if (compared > 0) {
                log.printf(Locale.ROOT, "mean deviation from the %s: %.3f%% over %d instances; %d matched or beat it%n",
                        psplib ? (referenceOptimal == compared ? "optimum" : "best known makespan (" + referenceOptimal + " proven optimal)")
                                : "lower bound", devReference / compared, compared, matched);
            }
            if (comparedCpsat > 0) {
                log.printf(Locale.ROOT, "mean deviation from the CP-SAT reference run: %+.3f%% over %d instances%n",
                        devCpsat / comparedCpsat, comparedCpsat);
                if (cpsatOptimal > 0) {
                    log.printf(Locale.ROOT, "CP-SAT reached the reference bound (optimal) on %d instances; matched on %d%n",
                            cpsatOptimal, cpsatOptimalMatched);
                }
            }
            return infeasible == 0 ? 0 : 1;
        }

        private Solved solve(Path f) throws IOException {
            Project p = read(f);
            long t0 = System.nanoTime();
            Solver.Options options = Solver.Options.defaults().withSeed(seed).withTimeLimit((long) (seconds * 1000));
            Solver.Result r = Solver.solve(p, maxSchedules == null ? options : options.withMaxSchedules(maxSchedules).withTimeLimit(Long.MAX_VALUE));
            double secs = (System.nanoTime() - t0) / 1e9;
            return new Solved(instanceName(f), p, r, Math.max(1, LowerBounds.criticalPath(Compiled.of(p))),
                    FeasibilityChecker.violations(p, r.schedule()), secs);
        }

        private static Integer number(Map<String, Map<String, String>> table, String name, String column) {
            Map<String, String> row = table.get(name);
            String v = row == null ? null : row.get(column);
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        }

        /** The reference table beside the instance folder (e.g. psplib/j30-bounds.csv for psplib/j30): instance → column → value. */
        private static Map<String, Map<String, String>> table(Path dir, String suffix) throws IOException {
            Path file = dir.toAbsolutePath().getParent().resolve(dir.getFileName() + suffix);
            Map<String, Map<String, String>> values = new HashMap<>();
            if (!Files.exists(file)) {
                return values;
            }
            List<CsvRecords.Record> records = CsvRecords.read(Files.readString(file, StandardCharsets.UTF_8), ',');
            List<String> header = records.get(0).fields();
            for (CsvRecords.Record r : records.subList(1, records.size())) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < r.fields().size(); i++) {
                    row.put(header.get(i).strip(), r.fields().get(i));
                }
                values.put(r.fields().get(0).replace(".sm", "").replace(".def", ""), row);
            }
            return values;
        }

        private static void writeSchedule(Path file, Schedule s, boolean psplib) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add(psplib ? "task,start" : "task,start,resource");
            for (Assignment a : s.assignments()) {
                lines.add(psplib ? a.task() + "," + a.start()
                        : a.task() + "," + a.start() + "," + a.people().stream().map(String::valueOf).collect(Collectors.joining(";")));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }
}
