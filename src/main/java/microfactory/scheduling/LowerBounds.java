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

    static int inWorkingTime(Compiled c) {
        int bound = criticalPath(c);
        long[] load = new long[c.resources];
        for (int i = 0; i < c.n; i++) {
            for (int k = 0; k < c.demandResource[i].length; k++) {
                load[c.demandResource[i][k]] += (long) c.duration[i] * c.demandAmount[i][k];
            }
        }
        for (int r = 0; r < c.resources; r++) {
            bound = (int) Math.max(bound, (load[r] + c.capacity[r] - 1) / c.capacity[r]);
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
            for (int i = 0; i < c.n; i++) {
                for (int[] slot : c.slots[i]) {
                    if (subset(slot, set)) {
                        work += c.duration[i];
                    }
                }
            }
            bound = (int) Math.max(bound, (work + set.length - 1) / set.length);
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
