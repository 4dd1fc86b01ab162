package microfactory.scheduling;

import java.util.Arrays;

/**
 * The serial schedule-generation scheme: takes tasks in the order of an activity list (precedence
 * feasible) and starts each at the earliest time its predecessors, machines, bays, people and the
 * working windows allow. Tasks fixed beforehand (replanning) keep their times and people.
 */
final class Decoder {

    private static final int[] NOBODY = {};

    final Compiled c;
    final int[] start;
    final int[] finish;
    final int[][] chosen;
    private final int[][] usage;
    private final boolean[][] busy;
    private final long[] workload;
    private final boolean[] fixed;
    private final int[] fixedStart;
    private final int[][] fixedPeople;
    private int release;
    private final boolean[] placed;
    private boolean first = true;
    private int lastFinish;    // the latest finish among the placed tasks
    private long placedUnits;  // resource time units the placed tasks hold
    private final int[] clearFrom; // per demand of the task being placed: its resource has room over [clearFrom, clearTo)
    private final int[] clearTo;
    private int lastConflicting;   // the demand whose resource held the task being placed back last
    private final int[][] room; // per task, per demand: the most the resource may already hold for the task to fit

    Decoder(Compiled c) {
        this.c = c;
        this.start = new int[c.n];
        this.finish = new int[c.n];
        this.chosen = new int[c.n][];
        this.usage = new int[c.resources][c.horizon];
        this.busy = new boolean[c.people][c.horizon];
        this.workload = new long[c.people];
        this.fixed = new boolean[c.n];
        this.fixedStart = new int[c.n];
        this.fixedPeople = new int[c.n][];
        this.placed = new boolean[c.n];
        int demands = 0;
        for (int[] res : c.demandResource) {
            demands = Math.max(demands, res.length);
        }
        this.clearFrom = new int[demands];
        this.clearTo = new int[demands];
        this.room = new int[c.n][];
        for (int i = 0; i < c.n; i++) {
            room[i] = new int[c.demandResource[i].length];
            for (int k = 0; k < room[i].length; k++) {
                room[i][k] = c.capacity[c.demandResource[i][k]] - c.demandAmount[i][k];
            }
        }
    }

    /** Keeps a task where it is (started or finished work when replanning). */
    void fix(int task, int at, int[] people) {
        fixed[task] = true;
        fixedStart[task] = at;
        fixedPeople[task] = people;
    }

    /** No free task may start before this time (now, when replanning). */
    void release(int time) {
        this.release = time;
    }

    boolean isFixed(int task) {
        return fixed[task];
    }

    /** Decodes an activity list; returns the makespan, or -1 when a task does not fit before the horizon. */
    int decode(int[] list) {
        if (first) {
            for (int r = 0; r < usage.length; r++) {
                System.arraycopy(c.baseline[r], 0, usage[r], 0, c.horizon);
            }
            first = false;
        } else {
            vacateAll();
        }
        Arrays.fill(workload, 0);
        int makespan = 0;
        for (int i = 0; i < c.n; i++) {
            if (fixed[i]) {
                start[i] = fixedStart[i];
                finish[i] = fixedStart[i] + c.duration[i];
                chosen[i] = fixedPeople[i];
                occupy(i, start[i]);
                makespan = Math.max(makespan, finish[i]);
            }
        }
        for (int i : list) {
            if (fixed[i]) {
                continue;
            }
            int earliest = release;
            for (int p : c.preds[i]) {
                earliest = Math.max(earliest, finish[p]);
            }
            int t = findStart(i, earliest);
            if (t < 0) {
                return -1;
            }
            start[i] = t;
            finish[i] = t + c.duration[i];
            occupy(i, t);
            makespan = Math.max(makespan, finish[i]);
        }
        return makespan;
    }

    private int findStart(int i, int t) {
        int d = c.duration[i];
        if (d == 0) {
            chosen[i] = NOBODY;
            return t;
        }
        int[] pick = c.slots[i].length == 0 ? NOBODY : new int[c.slots[i].length]; // fresh: chosen keeps it
        for (int k = 0; k < c.demandResource[i].length; k++) {
            clearTo[k] = clearFrom[k] = t; // nothing known clear yet
        }
        lastConflicting = 0;
        while (t + d <= c.horizon) {
            if (c.windowEnd != null) {
                int end = c.windowEnd[t];
                if (end < 0 || t + d > end) {
                    t = nextWindowStart(t, end);
                    if (t < 0) {
                        return -1;
                    }
                    continue;
                }
            }
            int conflict = resourceConflict(i, t, d);
            if (conflict >= 0) {
                t = conflict + 1;
                continue;
            }
            if (pick.length > 0) {
                int failed = pickPeople(i, t, d, pick);
                if (failed >= 0) {
                    t = nextChance(c.slots[i][failed], t, d);
                    continue;
                }
            }
            chosen[i] = pick;
            return t;
        }
        return -1;
    }

    /**
     * The latest time in [t, t + d) where a machine or bay the task needs lacks room for it, or -1. Each resource
     * remembers the stretch already found clear in this search, so no time unit is looked at twice; the resource that
     * conflicted last is looked at first, as it most likely conflicts again.
     */
    private int resourceConflict(int i, int t, int d) {
        int[] res = c.demandResource[i];
        int[] rooms = room[i];
        int count = res.length;
        for (int j = 0; j < count; j++) {
            int k = j == 0 ? lastConflicting : j == lastConflicting ? 0 : j;
            // A stretch already found clear for this resource is not looked at again.
            boolean known = clearFrom[k] <= t && t < clearTo[k];
            int checkedFrom = known ? clearTo[k] : t;
            int[] u = usage[res[k]];
            int r = rooms[k];
            int conflict = -1;
            for (int x = t + d - 1; x >= checkedFrom; x--) { // from the end: jump past the latest conflict
                if (u[x] > r) {
                    conflict = x;
                    break;
                }
            }
            if (conflict >= 0) {
                clearFrom[k] = conflict + 1;
                clearTo[k] = t + d;
                lastConflicting = k;
                return conflict;
            }
            if (!known) {
                clearFrom[k] = t;
            }
            clearTo[k] = t + d;
        }
        return -1;
    }

    private int nextWindowStart(int t, int currentEnd) {
        for (int x = Math.max(t + 1, currentEnd < 0 ? t + 1 : currentEnd); x < c.horizon; x++) {
            if (c.windowEnd[x] >= 0 && (x == 0 || c.windowEnd[x - 1] < 0 || c.windowEnd[x - 1] != c.windowEnd[x]
                    || x == currentEnd)) {
                return x;
            }
        }
        return -1;
    }

    /** The earliest later time any of these people could be free for d units: past their last conflict. */
    private int nextChance(int[] eligible, int t, int d) {
        int next = Integer.MAX_VALUE;
        for (int q : eligible) {
            int conflict = lastConflict(q, t, d);
            next = Math.min(next, conflict < 0 ? t + 1 : conflict + 1);
        }
        return Math.max(t + 1, next);
    }

    private int lastConflict(int q, int t, int d) {
        boolean[] b = busy[q];
        boolean[] here = c.present[q];
        for (int x = t + d - 1; x >= t; x--) {
            if (b[x] || !here[x]) {
                return x;
            }
        }
        return -1;
    }

    /**
     * How people are chosen: false — best fit (the person idle the shortest time before the task); true — the most
     * specialised free person (listed first). Different rules reach different schedules; restarts alternate them.
     */
    boolean specialistFirst;

    /** Fills every slot with a distinct free person: the most specialised first, then the least loaded. Returns the slot that failed, or -1. */
    private int pickPeople(int i, int t, int d, int[] pick) {
        int[][] slots = c.slots[i];
        for (int s = 0; s < slots.length; s++) {
            int best = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int q : slots[s]) {
                if (taken(pick, s, q) || !free(q, t, d)) {
                    continue;
                }
                // Best fit: the person idle for the shortest time before t, so no one is left with a useless gap;
                // then the most specialised (listed first), then the least loaded.
                if (specialistFirst) {
                    if (best < 0 || c.versatility[q] < c.versatility[best]
                            || c.versatility[q] == c.versatility[best] && workload[q] < workload[best]) {
                        best = q;
                    }
                    continue;
                }
                int gap = idleBefore(q, t);
                if (best < 0 || gap < bestGap || gap == bestGap && c.versatility[q] == c.versatility[best]
                        && workload[q] < workload[best]) {
                    best = q;
                    bestGap = gap;
                }
            }
            if (best < 0) {
                return s;
            }
            pick[s] = best;
        }
        return -1;
    }

    /** How long the person has been idle just before t (capped: far gaps all count the same). */
    private int idleBefore(int q, int t) {
        boolean[] b = busy[q];
        int gap = 0;
        for (int x = t - 1; x >= 0 && gap < 64; x--, gap++) {
            if (b[x]) {
                return gap;
            }
        }
        return 64;
    }

    private static boolean taken(int[] pick, int upTo, int q) {
        for (int s = 0; s < upTo; s++) {
            if (pick[s] == q) {
                return true;
            }
        }
        return false;
    }

    private boolean free(int q, int t, int d) {
        boolean[] b = busy[q];
        boolean[] here = c.present[q];
        for (int x = t; x < t + d; x++) {
            if (b[x] || !here[x]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Undoes the last decode. Machines and bays: copied back from the baseline up to the last finish where that is less
     * work than undoing task by task (PSPLIB's short horizons), else task by task (a week in minutes is long, a build's
     * work short). People: task by task.
     */
    private void vacateAll() {
        boolean copy = (long) usage.length * lastFinish <= placedUnits;
        if (copy) {
            for (int r = 0; r < usage.length; r++) {
                System.arraycopy(c.baseline[r], 0, usage[r], 0, lastFinish);
            }
        }
        for (int i = 0; i < c.n; i++) {
            if (placed[i]) {
                vacate(i, !copy);
            }
        }
        lastFinish = 0;
        placedUnits = 0;
    }

    private void vacate(int i, boolean resources) {
        placed[i] = false;
        int t = start[i];
        int d = c.duration[i];
        int[] res = c.demandResource[i];
        for (int k = 0; resources && k < res.length; k++) {
            int[] u = usage[res[k]];
            for (int x = t; x < t + d; x++) {
                u[x] -= c.demandAmount[i][k];
            }
        }
        if (chosen[i] != null) {
            for (int q : chosen[i]) {
                Arrays.fill(busy[q], t, t + d, false);
            }
        }
    }

    private void occupy(int i, int t) {
        placed[i] = true;
        int d = c.duration[i];
        int[] res = c.demandResource[i];
        lastFinish = Math.max(lastFinish, t + d);
        placedUnits += (long) d * res.length;
        for (int k = 0; k < res.length; k++) {
            int[] u = usage[res[k]];
            for (int x = t; x < t + d; x++) {
                u[x] += c.demandAmount[i][k];
            }
        }
        if (chosen[i] != null) {
            for (int q : chosen[i]) {
                Arrays.fill(busy[q], t, t + d, true);
                workload[q] += d;
            }
        }
    }
}
