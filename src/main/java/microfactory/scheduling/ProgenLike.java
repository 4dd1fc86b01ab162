package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Single-mode projects of any size in the manner of ProGen, the generator behind PSPLIB (Kolisch, Sprecher and Drexl,
 * 1995), written as PSPLIB .sm text: the scheduler can be measured at sizes whose published sets are not at hand. The
 * parameters are ProGen's: network complexity (arcs per node, the dummy arcs of the source and sink included), resource
 * factor (the share of the resources a job uses) and resource strength (each capacity between the largest single demand,
 * 0, and the peak of the earliest-start schedule, 1). Three start and three finish jobs, at most three predecessors and
 * successors each, no redundant arcs, durations and demands uniform in 1..10, four renewable resources. Sets made this
 * way are comparable with each other (one method against another), not with PSPLIB's best known values.
 */
public final class ProgenLike {

    /** What one project is drawn from. */
    public record Parameters(int jobs, double networkComplexity, double resourceFactor, double resourceStrength) {
        public Parameters {
            if (jobs < 8) {
                throw new IllegalArgumentException("at least 8 jobs: three start and three finish jobs and two between");
            }
        }
    }

    static final int RESOURCES = 4;
    private static final int MAX_ARCS = 3;
    private static final int ENDS = 3;

    private ProgenLike() {
    }

    /** ProGen's J120 grid: network complexity 1.5/1.8/2.1, resource factor 0.25-1, resource strength 0.1-0.5. */
    public static Parameters j120Like(SplittableRandom random, int jobs) {
        double[] nc = {1.5, 1.8, 2.1};
        double[] rf = {0.25, 0.5, 0.75, 1.0};
        double[] rs = {0.1, 0.2, 0.3, 0.4, 0.5};
        return new Parameters(jobs, nc[random.nextInt(nc.length)], rf[random.nextInt(rf.length)], rs[random.nextInt(rs.length)]);
    }

    /** One project as PSPLIB .sm text. Jobs are numbered 1 (source) to jobs + 2 (sink), every arc from lower to higher. */
    public static String generate(Parameters p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int total = p.jobs() + 2;
        int sink = total - 1; // 0-based: 0 is the source
        List<BitSet> succ = new ArrayList<>();
        int[] predCount = new int[total];
        for (int i = 0; i < total; i++) {
            succ.add(new BitSet(total));
        }
        // Every job after the start jobs gets a predecessor, every job before the finish jobs a successor.
        for (int j = 1 + ENDS; j < sink; j++) {
            int i = pick(random, 1, j, i2 -> succ.get(i2).cardinality() < MAX_ARCS && i2 < sink - ENDS);
            if (i > 0) {
                arc(succ, predCount, i, j);
            }
        }
        // Latest first: they have the fewest jobs after them to choose from. Where every later job has its three
        // predecessors already, one takes a fourth rather than leave a job hanging on the sink.
        for (int i = sink - ENDS - 1; i >= 1; i--) {
            if (succ.get(i).isEmpty()) {
                int j = pick(random, i + 1, sink, j2 -> predCount[j2] < MAX_ARCS && j2 > ENDS);
                arc(succ, predCount, i, j > 0 ? j : pick(random, i + 1, sink, j2 -> j2 > ENDS));
            }
        }
        int arcs = 0;
        for (int i = 1; i < sink; i++) {
            arcs += succ.get(i).cardinality();
        }
        int target = (int) Math.round(p.networkComplexity() * total) - 2 * ENDS;
        for (int tries = 0; arcs < target && tries < 50 * total; tries++) {
            int i = 1 + random.nextInt(sink - 1 - ENDS);
            int j = i + 1 + random.nextInt(sink - i - 1);
            if (j > ENDS && succ.get(i).cardinality() < MAX_ARCS && predCount[j] < MAX_ARCS && !reaches(succ, i, j)) {
                arc(succ, predCount, i, j);
                arcs++;
            }
        }
        for (int j = 1; j < sink; j++) {
            if (predCount[j] == 0) {
                arc(succ, predCount, 0, j);
            }
            if (succ.get(j).isEmpty()) {
                arc(succ, predCount, j, sink);
            }
        }
        int[] duration = new int[total];
        int[][] demand = new int[total][RESOURCES];
        for (int j = 1; j < sink; j++) {
            duration[j] = 1 + random.nextInt(10);
            boolean any = false;
            for (int k = 0; k < RESOURCES; k++) {
                if (random.nextDouble() < p.resourceFactor()) {
                    demand[j][k] = 1 + random.nextInt(10);
                    any = true;
                }
            }
            if (!any) {
                demand[j][random.nextInt(RESOURCES)] = 1 + random.nextInt(10);
            }
        }
        int[] earliest = new int[total];
        for (int i = 0; i < total; i++) { // numbering is topological
            for (int j = succ.get(i).nextSetBit(0); j >= 0; j = succ.get(i).nextSetBit(j + 1)) {
                earliest[j] = Math.max(earliest[j], earliest[i] + duration[i]);
            }
        }
        int criticalPath = earliest[sink];
        int[] capacity = new int[RESOURCES];
        for (int k = 0; k < RESOURCES; k++) {
            int least = 0;
            int[] profile = new int[criticalPath + 1];
            for (int j = 0; j < total; j++) {
                least = Math.max(least, demand[j][k]);
                for (int t = earliest[j]; t < earliest[j] + duration[j]; t++) {
                    profile[t] += demand[j][k];
                }
            }
            int peak = Arrays.stream(profile).max().orElse(0);
            capacity[k] = least + (int) Math.round(p.resourceStrength() * (peak - least));
        }
        return text(p, seed, succ, duration, demand, capacity, criticalPath);
    }

    private interface Allowed {
        boolean test(int job);
    }

    /** A random job in [from, to) that is allowed, or -1 when none is. */
    private static int pick(SplittableRandom random, int from, int to, Allowed allowed) {
        int[] candidates = new int[Math.max(0, to - from)];
        int count = 0;
        for (int x = from; x < to; x++) {
            if (allowed.test(x)) {
                candidates[count++] = x;
            }
        }
        return count == 0 ? -1 : candidates[random.nextInt(count)];
    }

    private static void arc(List<BitSet> succ, int[] predCount, int i, int j) {
        succ.get(i).set(j);
        predCount[j]++;
    }

    private static boolean reaches(List<BitSet> succ, int from, int to) {
        BitSet seen = new BitSet();
        int[] stack = new int[succ.size()];
        int top = 0;
        stack[top++] = from;
        while (top > 0) {
            int x = stack[--top];
            if (x == to) {
                return true;
            }
            for (int y = succ.get(x).nextSetBit(0); y >= 0 && y <= to; y = succ.get(x).nextSetBit(y + 1)) {
                if (!seen.get(y)) {
                    seen.set(y);
                    stack[top++] = y;
                }
            }
        }
        return false;
    }

    private static String text(Parameters p, long seed, List<BitSet> succ, int[] duration, int[][] demand, int[] capacity,
                               int criticalPath) {
        String rule = "*".repeat(72) + "\n";
        StringBuilder out = new StringBuilder();
        out.append(rule)
                .append(String.format(Locale.ROOT, "file with basedata            : progen-like NC %.2f RF %.2f RS %.2f%n",
                        p.networkComplexity(), p.resourceFactor(), p.resourceStrength()))
                .append("initial value random generator: ").append(seed).append('\n').append(rule)
                .append("projects                      :  1\n")
                .append("jobs (incl. supersource/sink ):  ").append(duration.length).append('\n')
                .append("horizon                       :  ").append(Arrays.stream(duration).sum()).append('\n')
                .append("RESOURCES\n  - renewable                 :  4   R\n  - nonrenewable              :  0   N\n")
                .append("  - doubly constrained        :  0   D\n").append(rule)
                .append("PROJECT INFORMATION:\npronr.  #jobs rel.date duedate tardcost  MPM-Time\n")
                .append(String.format(Locale.ROOT, "    1  %5d      0  %6d       15  %6d%n", p.jobs(), criticalPath, criticalPath))
                .append(rule).append("PRECEDENCE RELATIONS:\njobnr.    #modes  #successors   successors\n");
        for (int j = 0; j < duration.length; j++) {
            out.append(String.format(Locale.ROOT, "%4d        1      %5d      ", j + 1, succ.get(j).cardinality()));
            for (int s = succ.get(j).nextSetBit(0); s >= 0; s = succ.get(j).nextSetBit(s + 1)) {
                out.append(String.format(Locale.ROOT, " %4d", s + 1));
            }
            out.append('\n');
        }
        out.append(rule).append("REQUESTS/DURATIONS:\njobnr. mode duration  R 1  R 2  R 3  R 4\n").append("-".repeat(72)).append('\n');
        for (int j = 0; j < duration.length; j++) {
            out.append(String.format(Locale.ROOT, "%4d      1  %4d   ", j + 1, duration[j]));
            for (int k = 0; k < RESOURCES; k++) {
                out.append(String.format(Locale.ROOT, " %4d", demand[j][k]));
            }
            out.append('\n');
        }
        out.append(rule).append("RESOURCEAVAILABILITIES:\n  R 1  R 2  R 3  R 4\n");
        for (int k = 0; k < RESOURCES; k++) {
            out.append(String.format(Locale.ROOT, " %4d", capacity[k]));
        }
        return out.append('\n').append(rule).toString();
    }
}
