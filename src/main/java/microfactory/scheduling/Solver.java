package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The swarm-build scheduler. A genetic algorithm over activity lists (peak crossover where machines or bays
 * limit the work, Hartmann's two-point crossover elsewhere, adjacent-swap mutation; or a local step that shifts a few
 * tasks), each list decoded by the serial schedule-generation scheme and improved by
 * forward-backward justification; on larger projects whose capacity does not change over time, half the budget
 * searches the mirrored project ({@link #bothWays}). Anytime: a callback on every improvement; stops at the time or
 * schedule budget, or as soon as the makespan meets the lower bound (proven optimal). Deterministic for a
 * seed and a schedule budget. Objectives in order: makespan; then training pairs; then even workload.
 */
public final class Solver {

    /** Search settings. {@code maxSchedules} bounds the work exactly, for repeatable runs. */
    public record Options(long seed, long timeLimitMillis, long maxSchedules, Consumer<Progress> onImprovement) {

        public static Options defaults() {
            return new Options(1, 1_000, Long.MAX_VALUE, null);
        }

        public Options withSeed(long s) {
            return new Options(s, timeLimitMillis, maxSchedules, onImprovement);
        }

        public Options withTimeLimit(long millis) {
            return new Options(seed, millis, maxSchedules, onImprovement);
        }

        public Options withMaxSchedules(long schedules) {
            return new Options(seed, timeLimitMillis, schedules, onImprovement);
        }

        public Options onImprovement(Consumer<Progress> callback) {
            return new Options(seed, timeLimitMillis, maxSchedules, callback);
        }
    }

    /** Told on every improvement: the new best, the bound and the gap, and how far the search has got. */
    public record Progress(int makespan, int lowerBound, double gapPercent, long schedules, long elapsedMillis,
                           Schedule schedule) {
    }

    /** The best schedule found, with its lower bound and the gap between them. */
    public record Result(Schedule schedule, int makespan, int lowerBound, double gapPercent, boolean optimal,
                         long schedules, long elapsedMillis, long firstScheduleMillis, int trainingPairs) {
    }

    private Solver() {
    }

    /**
     * Lists in the population: five per task, at least 400 and at most 650 — a larger project needs more diversity. On
     * J60's 81 hardest instances at 250,000 schedules the mean above the best known makespan was 1.41 % with 40 lists,
     * 1.01 % with 200, 0.96 % with 400 and 1.20 % with 800. On two sets of 40 120-job projects at 250,000 schedules
     * (seeds 3–5, summed over the six runs) 250 lists gave 180.03, 400 178.95, 600 178.81, 900 178.64, 1,500 180.52;
     * on seeds 6–8 400 gave 179.20, 650 178.16, 900 178.94.
     */
    static int populationSize(int tasks) {
        return Math.max(400, Math.min(650, 5 * tasks));
    }

    /**
     * The local step moves between this many tasks and four times as many: one per 20 tasks, from 1 to 3. On two
     * sets of 40 120-job projects at 250,000 schedules (seeds 1–6) 3–11 moves gave 29.92 % and 30.00 % above the
     * critical path against 30.04 % and 30.21 % with 1–3; 2–7 gave 29.91 % and 30.12 %, 4–15 29.92 % and 30.03 %
     * (seeds 1–4). On J60 at 5 s 3–11 gave 10.53 % and 10.52 % (two runs), 2–7 10.56 %, 1–3 10.56 %; on J30 at
     * 1 s 3–11 lost an optimum that 1–3 found.
     */
    static int localMoves(int tasks) {
        return Math.max(1, Math.min(3, tasks / 20));
    }

    /**
     * Schedules decoded without a better makespan before the search restarts from fresh lists: 30,000, or 500 per task
     * where that is more — a larger project's population takes longer to improve. On two sets of 40 120-job projects at
     * 250,000 schedules (seeds 1–3), 61,000 gave 30.05 % and 37.67 % above the critical path against 30.16 % and 37.73 %
     * with 30,000; 1,000 per task was worse on the second set (37.82 %).
     */
    static long restartAfter(int tasks) {
        return Math.max(30_000, 500L * tasks);
    }

    public static Result solve(Project project, Options options) {
        ProjectCheck.requireFeasible(project);
        Compiled c = Compiled.of(project);
        if (!bothWays(c)) {
            return new Search(c, options, null, 0).run();
        }
        Result forward = new Search(c, firstHalf(options), null, 0).narrowingFrom(SecondPhase.FROM_HALF).run();
        if (forward.optimal()) {
            return forward;
        }
        Result backward = new Search(c.mirror(), secondHalf(options, forward), null, 0).narrowingFrom(SecondPhase.FROM_START).run();
        Result better = backward.makespan() < forward.makespan() ? backward : forward;
        Schedule schedule = better == backward ? reversed(backward.schedule(), backward.makespan()) : forward.schedule();
        int bound = Math.max(forward.lowerBound(), backward.lowerBound());
        return new Result(schedule, better.makespan(), bound, gap(better.makespan(), bound), better.makespan() <= bound,
                forward.schedules() + backward.schedules(), forward.elapsedMillis() + backward.elapsedMillis(),
                forward.firstScheduleMillis(), better.trainingPairs());
    }

    /**
     * Whether the search spends half its budget on the project as given and half on its mirror (time reversed,
     * precedences flipped), whose lists reach a different family of schedules: from 40 tasks, where machines or bays
     * limit the work and nothing depends on the time of day (no working windows, outages or absences), so that a
     * mirrored schedule read backwards is a schedule of the project. On two sets of 40 120-job projects at 250,000
     * schedules (seeds 1–6) the better of the two halves was 29.74 % and 29.99 % above the critical path against 29.92 %
     * and 30.00 % for one search of the project as given; J60 at 5 s 10.49 % against 10.52 %. On J30 at 1 s two halves
     * lost two optima that one search found, hence the size.
     */
    static boolean bothWays(Compiled c) {
        return c.n >= 40 && Search.peaks(c) && c.timeInvariant();
    }

    private static Options firstHalf(Options o) {
        return new Options(o.seed(), o.timeLimitMillis() / 2, o.maxSchedules() / 2, o.onImprovement());
    }

    /** The rest of the budget; improvements reported only when better than the first half's, in the project's time. */
    private static Options secondHalf(Options o, Result first) {
        Consumer<Progress> told = null;
        if (o.onImprovement() != null) {
            int[] best = {first.makespan()};
            told = p -> {
                if (p.makespan() < best[0]) {
                    best[0] = p.makespan();
                    o.onImprovement().accept(new Progress(p.makespan(), p.lowerBound(), p.gapPercent(), first.schedules() + p.schedules(),
                            first.elapsedMillis() + p.elapsedMillis(), reversed(p.schedule(), p.makespan())));
                }
            };
        }
        return new Options(o.seed(), Math.max(1, o.timeLimitMillis() - first.elapsedMillis()), Math.max(1, o.maxSchedules() - first.schedules()),
                told);
    }

    /** A schedule of the mirrored project read backwards: each task ends where its mirror started, counted from the end. */
    static Schedule reversed(Schedule mirrored, int makespan) {
        List<Assignment> assignments = new ArrayList<>(mirrored.assignments().size());
        for (Assignment a : mirrored.assignments()) {
            assignments.add(new Assignment(a.task(), makespan - a.end(), makespan - a.start(), a.people(), a.trainees()));
        }
        return new Schedule(assignments);
    }

    static double gap(int makespan, int lowerBound) {
        return lowerBound == 0 ? 0 : 100.0 * (makespan - lowerBound) / lowerBound;
    }

    /** When a search starts its second phase ({@link Search#narrowing}). */
    enum SecondPhase { NEVER, FROM_HALF, FROM_START }

    /** One search: the decoders, the population and the best so far. */
    static final class Search {
        final Compiled c;
        final Decoder forward;
        final Decoder backward;
        final Options o;
        final SplittableRandom random;
        final int lowerBound;
        final int[] topo;     // tasks in topological order
        final int[] rank;     // topological rank: breaks ties so sorted lists stay precedence feasible
        final int[] priority; // latest finish time by the critical path: small first
        final int[] tail;     // the longest path from a task's start to the end of the project
        final long started = System.nanoTime();
        long schedules;
        int bestMakespan = Integer.MAX_VALUE;
        int[] bestList;
        Schedule bestSchedule;
        long firstMillis = -1;
        final boolean justify;
        final boolean peaks;

        Search(Compiled c, Options o, Schedule fixedPart, int now) {
            this.c = c;
            this.o = o;
            this.forward = new Decoder(c);
            this.backward = new Decoder(c.mirror());
            this.random = new SplittableRandom(o.seed());
            this.lowerBound = LowerBounds.of(c);
            this.topo = LowerBounds.topological(c);
            this.rank = new int[c.n];
            for (int k = 0; k < topo.length; k++) {
                rank[topo[k]] = k;
            }
            this.tail = tails(c, topo);
            this.priority = latestFinish(c, tail);
            this.key = new int[c.n];
            this.packed = new long[c.n];
            this.justify = fixedPart == null;
            this.peaks = peaks(c);
            if (fixedPart != null) {
                for (Assignment a : fixedPart.assignments()) {
                    int index = indexOf(a.task());
                    forward.fix(index, a.start(), a.people().stream().mapToInt(this::personIndex).toArray());
                }
                forward.release(now);
            }
        }

        Result run() {
            List<int[]> population = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            int[] byPriority = sortedList(priority, false);
            int[] value = new int[populationSize(c.n)];
            startOf = new int[value.length][];
            population.add(byPriority);
            value[0] = evaluate(population.get(0));
            keepStarts(0);
            seen.add(Arrays.hashCode(population.get(0)));
            if (bestMakespan < 0 || bestList == null) {
                throw new InfeasibleProjectException(List.of("the tasks do not fit in the working time available"));
            }
            // The population fills up to its size, but with at most a tenth of the budget: a large project decoded slowly
            // under a short budget starts evolving a smaller population rather than spend its time on random lists. A small
            // project has few distinct lists: after 100 repeats it stops looking (with two lists at least, repeats or not).
            int repeats = 0;
            while (population.size() < value.length && !done()
                    && (population.size() < 2 || !initialBudgetSpent() && repeats < 100)) {
                int[] list = randomList();
                if (seen.add(Arrays.hashCode(list)) || repeats >= 100) {
                    value[population.size()] = evaluate(list);
                    keepStarts(population.size());
                    population.add(list);
                } else {
                    repeats++;
                }
            }
            boolean sequences = justify && SequenceSearch.applies(c);
            if (sequences) {
                share = 0.5; // the list search gets half the budget, the sequence search the rest
            }
            int sinceImprovement = 0;
            long restartAfter = restartAfter(c.n);
            int localMoves = localMoves(c.n);
            long lastGlobalImprovement = schedules;
            int restarts = 0;
            int globalBest = bestMakespan;
            while (!done()) {
                if (bestMakespan < globalBest) {
                    globalBest = bestMakespan;
                    lastGlobalImprovement = schedules;
                } else if (schedules - lastGlobalImprovement > restartAfter) {
                    // Stuck in one basin: start over from fresh random lists (the best is kept aside, not in the
                    // population), so the search explores elsewhere rather than refining the same neighbourhood.
                    seen.clear();
                    restarts++;
                    forward.specialistFirst = restarts % 2 == 1;
                    backward.specialistFirst = forward.specialistFirst;
                    for (int k = 0; k < population.size() && !done(); k++) {
                        int[] fresh = k == 0 ? byPriority.clone() : randomList();
                        seen.add(Arrays.hashCode(fresh));
                        population.set(k, fresh);
                        value[k] = evaluate(fresh);
                        keepStarts(k);
                    }
                    lastGlobalImprovement = schedules;
                    sinceImprovement = 0;
                    fitnessFor = STALE;
                    continue;
                }
                long[] fitness = fitness(value, population.size(), narrowing());
                int[] mother = population.get(tournament(fitness, population.size()));
                int[] child;
                if (random.nextInt(2) == 0) {
                    int father = tournament(fitness, population.size());
                    child = !peaks || value[father] == Integer.MAX_VALUE ? crossover(mother, population.get(father))
                            : peakCrossover(mother, population.get(father), startOf[father]);
                    mutate(child);
                } else {
                    child = mother.clone(); // local step: move a few tasks within their precedence range
                    for (int m = localMoves + random.nextInt(3 * localMoves); m > 0; m--) {
                        shift(child);
                    }
                }
                int before = bestMakespan;
                int v = evaluate(child);
                sinceImprovement = bestMakespan < before ? 0 : sinceImprovement + 1;
                boolean narrowing = narrowing();
                fitness = fitness(value, population.size(), narrowing); // again: the best may have moved the target
                long f = narrowing && v != Integer.MAX_VALUE ? lateness(forward.start) : v;
                int worst = 0;
                for (int k = 1; k < population.size(); k++) {
                    if (fitness[k] > fitness[worst]) {
                        worst = k;
                    }
                }
                if (f <= fitness[worst] && seen.add(Arrays.hashCode(child))) {
                    population.set(worst, child);
                    value[worst] = v;
                    keepStarts(worst);
                    fitness[worst] = f;
                }
                if (sinceImprovement > 40 * population.size()) { // stagnant: keep the best, refresh the rest
                    for (int k = 0; k < population.size() && !done(); k++) {
                        if (value[k] != bestMakespan || k > 0 && Arrays.equals(population.get(k), bestList)) {
                            int[] fresh = randomList();
                            population.set(k, fresh);
                            value[k] = evaluate(fresh);
                            keepStarts(k);
                        }
                    }
                    sinceImprovement = 0;
                    fitnessFor = STALE;
                }
            }
            share = 1;
            if (sequences && !done()) {
                improveSequences();
            }
            Schedule withTrainees = Trainees.add(c, bestSchedule);
            return new Result(withTrainees, bestMakespan, lowerBound, gap(bestMakespan), bestMakespan <= lowerBound, schedules,
                    elapsed(), firstMillis, withTrainees.trainingPairs());
        }

        boolean initialBudgetSpent() {
            return schedules >= o.maxSchedules() / 10 || elapsed() >= o.timeLimitMillis() / 10;
        }

        /** The part of the budget the current phase may use. */
        double share = 1;

        boolean done() {
            return bestMakespan <= lowerBound || schedules >= o.maxSchedules() * share
                    || (schedules > 0 && elapsed() >= o.timeLimitMillis() * share);
        }

        /** Hands the best schedule to the sequence search for the rest of the budget; keeps what it improves. */
        void improveSequences() {
            int[] startTimes = new int[c.n];
            int[][] chosen = new int[c.n][];
            for (Assignment a : bestSchedule.assignments()) {
                int i = indexOf(a.task());
                startTimes[i] = a.start();
                chosen[i] = a.people().stream().mapToInt(this::personIndex).toArray();
            }
            SequenceSearch search = new SequenceSearch(c, startTimes, chosen, random);
            search.run(lowerBound, this::done, () -> schedules++, makespan -> {
                if (makespan < bestMakespan) {
                    bestMakespan = makespan;
                    bestSchedule = search.schedule();
                    if (o.onImprovement() != null) {
                        o.onImprovement().accept(new Progress(makespan, lowerBound, gap(makespan), schedules, elapsed(), bestSchedule));
                    }
                }
            });
        }

        long elapsed() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        /** Decodes the list, justifies it forward-backward, writes the better list back; returns the makespan. */
        int evaluate(int[] list) {
            int makespan = forward.decode(list);
            schedules++;
            if (makespan < 0) {
                return Integer.MAX_VALUE;
            }
            if (justify) {
                for (int i = 0; i < c.n; i++) {
                    key[i] = -forward.finish[i];
                }
                int[] backwardList = sortedList(key, true);
                if (backward.decode(backwardList) >= 0) {
                    schedules++;
                    for (int i = 0; i < c.n; i++) {
                        key[i] = -backward.finish[i]; // original start = horizon - mirrored finish
                    }
                    int[] justified = sortedList(key, false);
                    int after = forward.decode(justified);
                    schedules++;
                    if (after >= 0 && after <= makespan) {
                        System.arraycopy(justified, 0, list, 0, list.length);
                        makespan = after;
                    } else {
                        forward.decode(list);
                    }
                }
            }
            if (makespan < bestMakespan) {
                bestMakespan = makespan;
                bestList = list.clone();
                bestSchedule = snapshot();
                if (firstMillis < 0) {
                    firstMillis = elapsed();
                }
                if (o.onImprovement() != null) {
                    o.onImprovement().accept(new Progress(makespan, lowerBound, gap(makespan), schedules, elapsed(), bestSchedule));
                }
            }
            return makespan;
        }

        Schedule snapshot() {
            List<Assignment> assignments = new ArrayList<>(c.n);
            for (int i = 0; i < c.n; i++) {
                List<Integer> people = new ArrayList<>();
                for (int q : forward.chosen[i]) {
                    people.add(c.personId(q));
                }
                assignments.add(new Assignment(c.taskId(i), forward.start[i], forward.finish[i], people, List.of()));
            }
            return new Schedule(assignments);
        }

        double gap(int makespan) {
            return Solver.gap(makespan, lowerBound);
        }

        /** Scratch for {@link #evaluate}: sort keys, and packed key-and-rank values. */
        private final int[] key;
        private final long[] packed;

        /**
         * Tasks sorted by key (then by topological rank, reversed for backward lists): always precedence feasible. Keys in
         * a range under four times the tasks are counted into buckets; others sorted with the rank packed in one primitive
         * long, so the hot path boxes nothing.
         */
        int[] sortedList(int[] keys, boolean backwardOrder) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < c.n; i++) {
                min = Math.min(min, keys[i]);
                max = Math.max(max, keys[i]);
            }
            if ((long) max - min < 4L * c.n) {
                return countingSorted(keys, min, max - min + 1, backwardOrder);
            }
            for (int i = 0; i < c.n; i++) {
                packed[i] = ((long) keys[i] << 32) + (backwardOrder ? c.n - 1 - rank[i] : rank[i]);
            }
            Arrays.sort(packed);
            int[] order = new int[c.n];
            for (int k = 0; k < c.n; k++) {
                int tie = (int) (packed[k] & 0xFFFF_FFFFL); // the rank is unique: it names the task
                order[k] = topo[backwardOrder ? c.n - 1 - tie : tie];
            }
            return order;
        }

        /** Keys within a short range (makespans in PSPLIB's units): counted into buckets, visited in rank order. */
        private int[] countingSorted(int[] keys, int min, int range, boolean backwardOrder) {
            if (bucket.length < range + 1) {
                bucket = new int[range + 1];
            } else {
                Arrays.fill(bucket, 0, range + 1, 0);
            }
            for (int i = 0; i < c.n; i++) {
                bucket[keys[i] - min + 1]++;
            }
            for (int b = 1; b <= range; b++) {
                bucket[b] += bucket[b - 1];
            }
            int[] order = new int[c.n];
            for (int k = 0; k < c.n; k++) {
                int task = topo[backwardOrder ? c.n - 1 - k : k];
                order[bucket[keys[task] - min]++] = task;
            }
            return order;
        }

        private int[] bucket = new int[0];

        /** A random precedence-feasible list, biased to urgent tasks (small latest finish). */
        int[] randomList() {
            int[] remaining = new int[c.n];
            int[] eligible = new int[c.n];
            int count = 0;
            for (int i = 0; i < c.n; i++) {
                remaining[i] = c.preds[i].length;
                if (remaining[i] == 0) {
                    eligible[count++] = i;
                }
            }
            int[] list = new int[c.n];
            for (int k = 0; k < c.n; k++) {
                int pick;
                if (random.nextInt(2) == 0) {
                    pick = random.nextInt(count);
                } else {
                    pick = 0;
                    for (int e = 1; e < count; e++) {
                        if (priority[eligible[e]] < priority[eligible[pick]]) {
                            pick = e;
                        }
                    }
                }
                int task = eligible[pick];
                eligible[pick] = eligible[--count];
                list[k] = task;
                for (int s : c.succs[task]) {
                    if (--remaining[s] == 0) {
                        eligible[count++] = s;
                    }
                }
            }
            return list;
        }

        /**
         * The second phase, where the search runs both ways ({@link #bothWays}): selection and replacement judge a list by
         * how far its schedule overshoots a target one below the best makespan ({@link #lateness}) rather than by its
         * makespan: lists of the same makespan differ there, and those nearer the target win. From half the forward
         * search's budget on; the mirrored search, the second half of the budget, from its start. On two sets of 40
         * 120-job projects at 250,000 schedules (seeds 1–4) this gave 29.73 %, 29.72 %, 29.63 %, 29.73 %, 29.83 %,
         * 29.81 %, 29.68 %, 30.06 % above the critical path against 29.82 %, 29.81 %, 29.61 %, 29.91 %, 29.87 %, 29.98 %,
         * 29.73 %, 30.10 % by the makespan alone (seeds 5–6: 29.70 %, 29.87 %, 29.61 %, 30.01 % against 29.76 %, 29.97 %,
         * 29.65 %, 30.14 %; seeds 1–2 summed: 118.81 against 119.15); the mirrored search from its
         * half too 119.05, both from the start 118.99; the forward one from three quarters 119.47; the plain sum of
         * lateness (not squared) 119.08, the cube 119.13, the number of late tasks 120.14. At 500,000 schedules (seed 1)
         * 29.53 % and 29.72 % against 29.60 % and 29.73 %. Not measured to help elsewhere, so not used elsewhere: J30 at
         * 1 s lost an optimum with it.
         */
        boolean narrowing() {
            narrowing = narrowing || narrowingFrom == SecondPhase.FROM_HALF && (schedules >= o.maxSchedules() / 2 || elapsed() >= o.timeLimitMillis() / 2);
            return narrowing;
        }

        /** Turns the second phase on, from half this search's budget or from its start. */
        Search narrowingFrom(SecondPhase when) {
            narrowingFrom = when;
            narrowing = when == SecondPhase.FROM_START;
            return this;
        }

        private SecondPhase narrowingFrom = SecondPhase.NEVER;
        private boolean narrowing;

        /**
         * How far a schedule misses the target (one below the best makespan): over the tasks, the square of the time by
         * which each starts later than the target allows it — the target less the longest path from its start to the end.
         * Zero exactly when the schedule meets the target; squared, so one task far late weighs more than many a little.
         */
        long lateness(int[] start) {
            int target = bestMakespan - 1;
            long sum = 0;
            for (int i = 0; i < c.n; i++) {
                long late = Math.max(0, start[i] + tail[i] - target);
                sum += late * late;
            }
            return sum;
        }

        private static final int STALE = -1;
        private long[] fitness = new long[0];
        private int fitnessFor = STALE; // the best makespan the fitness was computed against in the second phase

        /** What selection and replacement compare per member: the makespan, or in the second phase the lateness. */
        long[] fitness(int[] value, int size, boolean narrowing) {
            if (fitness.length < size) {
                fitness = new long[value.length];
                fitnessFor = STALE;
            }
            if (!narrowing) {
                for (int k = 0; k < size; k++) {
                    fitness[k] = value[k];
                }
            } else if (fitnessFor != bestMakespan) {
                for (int k = 0; k < size; k++) {
                    fitness[k] = value[k] == Integer.MAX_VALUE ? Long.MAX_VALUE : lateness(startOf[k]);
                }
                fitnessFor = bestMakespan;
            }
            return fitness;
        }

        int tournament(long[] value, int size) {
            int a = random.nextInt(size);
            int b = random.nextInt(size);
            return value[a] <= value[b] ? a : b;
        }

        /** Per member of the population, where crossover keeps peaks: its tasks' start times (its decoded schedule). */
        int[][] startOf;

        /** Keeps the start times the forward decoder holds for member k, when the crossover will read them. */
        void keepStarts(int k) {
            if (peaks) {
                startOf[k] = forward.start.clone();
            }
        }

        /**
         * Whether crossover keeps peaks: where machines or bays limit the work. Where only people do (the iMOPSE shape),
         * iMOPSE d36 at 10 s was worse with it (0.055 % and 0.038 % above the bound with seeds 1 and 2, against 0.027 %
         * and 0.016 % with the two-point crossover alone).
         */
        static boolean peaks(Compiled c) {
            for (int[] used : c.demandResource) {
                if (used.length > 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Peak crossover (after Debels and Vanhoucke's): the father's most heavily used stretch of time, between a tenth
         * and half of his makespan long, is kept whole — the tasks he starts there, in his order —, the tasks he starts
         * before it come first and those after it last, each side in the mother's order. The father's densest packing
         * survives into the child. On two sets of 40 120-job projects at 250,000 schedules (seeds 1–3) it gave 30.16 % and
         * 37.71 % above the critical path against 30.19 % and 37.90 % with the two-point crossover alone.
         */
        int[] peakCrossover(int[] mother, int[] father, int[] fatherStart) {
            int makespan = 0;
            for (int i = 0; i < c.n; i++) {
                makespan = Math.max(makespan, fatherStart[i] + c.duration[i]);
            }
            if (makespan < 2) {
                return crossover(mother, father);
            }
            int shortest = Math.max(1, makespan / 10);
            int length = shortest + random.nextInt(Math.max(shortest, makespan / 2) - shortest + 1);
            int from = busiestStretch(fatherStart, makespan, length);
            return keepStretch(mother, father, fatherStart, from, from + length);
        }

        /** Where the stretch of this length starts that holds the most work, each resource and person counted by share. */
        int busiestStretch(int[] start, int makespan, int length) {
            double[] load = new double[makespan];
            for (int i = 0; i < c.n; i++) {
                double share = (double) c.slots[i].length / Math.max(1, c.people);
                int[] res = c.demandResource[i];
                for (int k = 0; k < res.length; k++) {
                    share += (double) c.demandAmount[i][k] / Math.max(1, c.capacity[res[k]]);
                }
                for (int t = start[i]; t < start[i] + c.duration[i]; t++) {
                    load[t] += share;
                }
            }
            double sum = 0;
            for (int t = 0; t < length; t++) {
                sum += load[t];
            }
            double most = sum;
            int from = 0;
            for (int t = length; t < makespan; t++) {
                sum += load[t] - load[t - length];
                if (sum > most) {
                    most = sum;
                    from = t - length + 1;
                }
            }
            return from;
        }

        /**
         * The mother's tasks that start before {@code from} in the father's schedule, the father's that start in
         * [from, to), the mother's that start later. Precedence feasible: a task starts no earlier than its predecessors.
         */
        static int[] keepStretch(int[] mother, int[] father, int[] fatherStart, int from, int to) {
            int[] child = new int[mother.length];
            int k = 0;
            for (int i : mother) {
                if (fatherStart[i] < from) {
                    child[k++] = i;
                }
            }
            for (int i : father) {
                if (fatherStart[i] >= from && fatherStart[i] < to) {
                    child[k++] = i;
                }
            }
            for (int i : mother) {
                if (fatherStart[i] >= to) {
                    child[k++] = i;
                }
            }
            return child;
        }

        /** Two-point crossover: the mother's head, the father's order for the middle, the mother's order for the rest. */
        int[] crossover(int[] mother, int[] father) {
            int n = mother.length;
            int q1 = random.nextInt(n + 1);
            int q2 = q1 + random.nextInt(n - q1 + 1);
            boolean[] in = new boolean[n];
            int[] child = new int[n];
            int k = 0;
            for (; k < q1; k++) {
                child[k] = mother[k];
                in[mother[k]] = true;
            }
            for (int j = 0; j < n && k < q2; j++) {
                if (!in[father[j]]) {
                    child[k++] = father[j];
                    in[father[j]] = true;
                }
            }
            for (int j = 0; j < n && k < n; j++) {
                if (!in[mother[j]]) {
                    child[k++] = mother[j];
                    in[mother[j]] = true;
                }
            }
            return child;
        }

        /** Moves one task to a random place between its last predecessor and its first successor in the list. */
        void shift(int[] list) {
            int n = list.length;
            int from = random.nextInt(n);
            int task = list[from];
            int lo = 0;
            int hi = n - 1;
            for (int k = from - 1; k >= 0; k--) {
                if (precedes(list[k], task)) {
                    lo = k + 1;
                    break;
                }
            }
            for (int k = from + 1; k < n; k++) {
                if (precedes(task, list[k])) {
                    hi = k - 1;
                    break;
                }
            }
            int to = lo + random.nextInt(hi - lo + 1);
            if (to < from) {
                System.arraycopy(list, to, list, to + 1, from - to);
            } else if (to > from) {
                System.arraycopy(list, from + 1, list, from, to - from);
            }
            list[to] = task;
        }

        void mutate(int[] list) {
            for (int k = 0; k + 1 < list.length; k++) {
                if (random.nextInt(100) < 5 && !precedes(list[k], list[k + 1])) {
                    int t = list[k];
                    list[k] = list[k + 1];
                    list[k + 1] = t;
                }
            }
        }

        private boolean precedes(int a, int b) {
            for (int p : c.preds[b]) {
                if (p == a) {
                    return true;
                }
            }
            return false;
        }

        int indexOf(int taskId) {
            for (int i = 0; i < c.n; i++) {
                if (c.taskId(i) == taskId) {
                    return i;
                }
            }
            throw new IllegalArgumentException("task " + taskId + " is not in the project");
        }

        int personIndex(int personId) {
            for (int q = 0; q < c.people; q++) {
                if (c.personId(q) == personId) {
                    return q;
                }
            }
            throw new IllegalArgumentException("person " + personId + " is not in the project");
        }

        private static int[] tails(Compiled c, int[] topo) {
            int[] tail = new int[c.n];
            for (int k = topo.length - 1; k >= 0; k--) {
                int i = topo[k];
                for (int s : c.succs[i]) {
                    tail[i] = Math.max(tail[i], tail[s]);
                }
                tail[i] += c.duration[i];
            }
            return tail;
        }

        /** By the critical path: the project's length less the longest path after the task. */
        private static int[] latestFinish(Compiled c, int[] tail) {
            int horizon = LowerBounds.criticalPath(c);
            int[] latest = new int[c.n];
            for (int i = 0; i < c.n; i++) {
                latest[i] = horizon - tail[i] + c.duration[i];
            }
            return latest;
        }
    }
}
