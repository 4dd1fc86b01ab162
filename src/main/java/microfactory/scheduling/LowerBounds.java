package microfactory.scheduling;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Valid lower bounds on the makespan: the critical path, the load on each machine type and bay, and
 * the load on each group of people (tasks only a group can do, spread over the group).
 */
final class LowerBounds {

    private LowerBounds() {
    }

    static int criticalPath(Compiled c) {
        int[] finish = new int[c.n];
        int best = 0;
        for (int i : topological(c)) {
            int start = 0;
            for (int p : c.preds[i]) {
                start = Math.max(start, finish[p]);
            }
            finish[i] = start + c.duration[i];
            best = Math.max(best, finish[i]);
        }
        return best;
    }

    /** The best bound in working time, then placed on the calendar: nights and weekends do not count as work. */
    static int of(Compiled c) {
        return onCalendar(c, inWorkingTime(c));
    }

    /** The clock time by which {@code work} units of working time can have passed, starting at 0. */
    static int onCalendar(Compiled c, int work) {
        if (c.windowEnd == null || work == 0) {
            return work;
        }
        int done = 0;
        for (int t = 0; t < c.horizon; t++) {
            if (c.windowEnd[t] >= 0 && ++done == work) {
                return t + 1;
            }
        }
        return c.horizon;
    }

    /**
     * Every task's head (the longest chain of work before it can start) and tail (after it ends, to the project's end):
     * a resource's work all happens between the smallest head and the makespan less the smallest tail of the tasks using it.
     */
    static int[][] headsAndTails(Compiled c) {
        int[] order = topological(c);
        int[] head = new int[c.n];
        int[] tail = new int[c.n];
        for (int i : order) {
            for (int p : c.preds[i]) {
                head[i] = Math.max(head[i], head[p] + c.duration[p]);
            }
        }
        for (int k = order.length - 1; k >= 0; k--) {
            int i = order[k];
            for (int s : c.succs[i]) {
                tail[i] = Math.max(tail[i], c.duration[s] + tail[s]);
            }
        }
        return new int[][] {head, tail};
    }

    static int inWorkingTime(Compiled c) {
        int bound = criticalPath(c);
        int[][] ht = headsAndTails(c);
        long[] load = new long[c.resources];
        int[] minHead = new int[c.resources];
        int[] minTail = new int[c.resources];
        Arrays.fill(minHead, Integer.MAX_VALUE);
        Arrays.fill(minTail, Integer.MAX_VALUE);
        for (int i = 0; i < c.n; i++) {
            for (int k = 0; k < c.demandResource[i].length; k++) {
                int r = c.demandResource[i][k];
                if (c.duration[i] > 0 && c.demandAmount[i][k] > 0) {
                    load[r] += (long) c.duration[i] * c.demandAmount[i][k];
                    minHead[r] = Math.min(minHead[r], ht[0][i]);
                    minTail[r] = Math.min(minTail[r], ht[1][i]);
                }
            }
        }
        for (int r = 0; r < c.resources; r++) {
            if (load[r] > 0) {
                bound = (int) Math.max(bound, minHead[r] + (load[r] + c.capacity[r] - 1) / c.capacity[r] + minTail[r]);
            }
        }
        // People: for each distinct set of qualified people, the work only that set can do, over its size.
        Map<String, int[]> sets = new HashMap<>();
        for (int i = 0; i < c.n; i++) {
            for (int[] slot : c.slots[i]) {
                int[] sorted = slot.clone();
                Arrays.sort(sorted);
                sets.putIfAbsent(Arrays.toString(sorted), sorted);
            }
        }
        if (c.people > 0) {
            int[] everyone = IntStream.range(0, c.people).toArray();
            sets.putIfAbsent(Arrays.toString(everyone), everyone); // all work over all people
        }
        for (int[] set : sets.values()) {
            long work = 0;
            int head = Integer.MAX_VALUE;
            int tail = Integer.MAX_VALUE;
            for (int i = 0; i < c.n; i++) {
                for (int[] slot : c.slots[i]) {
                    if (subset(slot, set) && c.duration[i] > 0) {
                        work += c.duration[i];
                        head = Math.min(head, ht[0][i]);
                        tail = Math.min(tail, ht[1][i]);
                    }
                }
            }
            if (work > 0) {
                bound = (int) Math.max(bound, head + (work + set.length - 1) / set.length + tail);
            }
        }
        return bound;
    }

    private static boolean subset(int[] slot, int[] sortedSet) {
        for (int q : slot) {
            if (Arrays.binarySearch(sortedSet, q) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Tasks in an order where every task comes after its predecessors. */
    static int[] topological(Compiled c) {
        int[] remaining = new int[c.n];
        int[] order = new int[c.n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < c.n; i++) {
            remaining[i] = c.preds[i].length;
            if (remaining[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int i = order[head++];
            for (int s : c.succs[i]) {
                if (--remaining[s] == 0) {
                    order[tail++] = s;
                }
            }
        }
        return order;
    }
}
