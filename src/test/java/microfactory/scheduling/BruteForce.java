package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimum of a tiny project by exhaustive search over start times and people, with its own
 * bookkeeping (nothing from the solver): the yardstick for the solver on small instances.
 */
final class BruteForce {

    private final Project p;
    private final List<Task> order;
    private final int horizon;
    private final Map<Integer, Integer> start = new HashMap<>();
    private int best;

    private BruteForce(Project p) {
        this.p = p;
        this.order = p.tasks(); // the generators list tasks after their predecessors
        this.horizon = p.tasks().stream().mapToInt(Task::duration).sum();
        this.best = horizon + 1;
    }

    static int optimum(Project p) {
        BruteForce b = new BruteForce(p);
        b.place(0, new int[p.machines().size()][b.horizon + 1], new boolean[p.people().size()][b.horizon + 1], 0);
        return b.best;
    }

    private void place(int k, int[][] used, boolean[][] busy, int makespan) {
        if (makespan >= best) {
            return;
        }
        if (k == order.size()) {
            best = makespan;
            return;
        }
        Task t = order.get(k);
        int earliest = 0;
        for (int q : t.predecessors()) {
            Task pred = p.tasks().stream().filter(x -> x.id() == q).findFirst().orElseThrow();
            earliest = Math.max(earliest, start.get(q) + pred.duration());
        }
        for (int s = earliest; s + t.duration() < best && s + t.duration() <= horizon; s++) {
            if (!machinesFree(t, s, used)) {
                continue;
            }
            List<Integer> candidates = new ArrayList<>();
            if (!t.people().isEmpty()) {
                Requirement r = t.people().get(0);
                for (int q = 0; q < p.people().size(); q++) {
                    if (p.people().get(q).qualifiedFor(r) && personFree(busy[q], s, t.duration())) {
                        candidates.add(q);
                    }
                }
                if (candidates.isEmpty()) {
                    continue;
                }
            } else {
                candidates.add(-1);
            }
            for (int q : candidates) {
                mark(t, s, used, q < 0 ? null : busy[q], 1);
                start.put(t.id(), s);
                place(k + 1, used, busy, Math.max(makespan, s + t.duration()));
                mark(t, s, used, q < 0 ? null : busy[q], -1);
            }
        }
    }

    private boolean machinesFree(Task t, int s, int[][] used) {
        for (int r = 0; r < p.machines().size(); r++) {
            int need = t.machines().getOrDefault(p.machines().get(r).type(), 0);
            for (int x = s; x < s + t.duration(); x++) {
                if (used[r][x] + need > p.machines().get(r).count()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean personFree(boolean[] busy, int s, int d) {
        for (int x = s; x < s + d; x++) {
            if (busy[x]) {
                return false;
            }
        }
        return true;
    }

    private void mark(Task t, int s, int[][] used, boolean[] person, int sign) {
        for (int r = 0; r < p.machines().size(); r++) {
            int need = t.machines().getOrDefault(p.machines().get(r).type(), 0);
            for (int x = s; x < s + t.duration(); x++) {
                used[r][x] += sign * need;
            }
        }
        if (person != null) {
            Arrays.fill(person, s, s + t.duration(), sign > 0);
        }
    }
}
