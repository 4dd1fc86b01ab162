package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A local search over who does each task and in which order each person works, for projects of the iMOPSE
 * shape: every task needs one person and nothing else (no machines, bays or working windows; people always
 * there). Start times follow from the orders: the longest path through the precedences and each person's
 * sequence. When the bound is the total work over the people the optimum is a near-perfect packing, which the
 * list decoder's person rules rarely reach: here a task moves to another place or person, or two tasks swap people
 * (moving work between two people in one step), under simulated annealing.
 */
final class SequenceSearch {

    private final Compiled c;
    private final SplittableRandom random;
    private final int[] person;       // per task
    private final int[][] sequence;   // per person: tasks in order
    private final int[] length;       // per person: how many
    private final int[] start;
    private final int[] finish;
    private final int[] indegree;
    private final int[] queue;
    private final boolean[] critical;
    private final int[] previous;     // per task: the one before it on its person, or -1
    private final int[] next;         // per task: the one after it on its person, or -1

    /** Whether the project has the shape this search handles. */
    static boolean applies(Compiled c) {
        if (c.windowEnd != null || c.people == 0) {
            return false;
        }
        for (int i = 0; i < c.n; i++) {
            if (c.demandResource[i].length > 0 || c.duration[i] > 0 && c.slots[i].length != 1 || c.duration[i] == 0 && c.slots[i].length > 0) {
                return false;
            }
        }
        return c.everyoneAlwaysThere();
    }

    /** Starts from a schedule's people and order (by start time). */
    SequenceSearch(Compiled c, int[] startTimes, int[][] chosen, SplittableRandom random) {
        this.c = c;
        this.random = random;
        person = new int[c.n];
        sequence = new int[c.people][c.n];
        length = new int[c.people];
        start = new int[c.n];
        finish = new int[c.n];
        indegree = new int[c.n];
        queue = new int[c.n];
        critical = new boolean[c.n];
        previous = new int[c.n];
        next = new int[c.n];
        Integer[] byStart = new Integer[c.n];
        for (int i = 0; i < c.n; i++) {
            byStart[i] = i;
        }
        Arrays.sort(byStart, (a, b) -> Integer.compare(startTimes[a], startTimes[b]));
        Arrays.fill(person, -1);
        for (int i : byStart) {
            if (c.duration[i] > 0) {
                int q = chosen[i][0];
                person[i] = q;
                sequence[q][length[q]++] = i;
            }
        }
    }

    /** The schedule the arrays hold now. */
    Schedule schedule() {
        List<Assignment> assignments = new ArrayList<>(c.n);
        for (int i = 0; i < c.n; i++) {
            List<Integer> people = person[i] < 0 ? List.of() : List.of(c.personId(person[i]));
            assignments.add(new Assignment(c.taskId(i), start[i], finish[i], people, List.of()));
        }
        return new Schedule(assignments);
    }

    /** Start times by the longest path; returns the makespan, or -1 when the orders contradict the precedences. */
    int evaluate() {
        int[] order = queue; // filled in a topological order of precedences and sequences together
        Arrays.fill(previous, -1);
        Arrays.fill(next, -1);
        for (int q = 0; q < c.people; q++) {
            for (int k = 1; k < length[q]; k++) {
                previous[sequence[q][k]] = sequence[q][k - 1];
                next[sequence[q][k - 1]] = sequence[q][k];
            }
        }
        for (int i = 0; i < c.n; i++) {
            indegree[i] = c.preds[i].length + (previous[i] >= 0 ? 1 : 0);
        }
        int head = 0;
        int tail = 0;
        for (int i = 0; i < c.n; i++) {
            if (indegree[i] == 0) {
                order[tail++] = i;
            }
        }
        int makespan = 0;
        while (head < tail) {
            int i = order[head++];
            int s = previous[i] >= 0 ? finish[previous[i]] : 0;
            for (int p : c.preds[i]) {
                s = Math.max(s, finish[p]);
            }
            start[i] = s;
            finish[i] = s + c.duration[i];
            makespan = Math.max(makespan, finish[i]);
            for (int j : c.succs[i]) {
                if (--indegree[j] == 0) {
                    order[tail++] = j;
                }
            }
            if (next[i] >= 0 && --indegree[next[i]] == 0) {
                order[tail++] = next[i];
            }
        }
        return tail == c.n ? makespan : -1;
    }

    /** Marks the tasks on a longest path: moving any other cannot shorten the schedule. */
    private void markCritical(int makespan) {
        Arrays.fill(critical, false);
        // Reverse topological order: the evaluation's queue holds a topological order.
        for (int k = c.n - 1; k >= 0; k--) {
            int i = queue[k];
            boolean tight = finish[i] == makespan;
            for (int j : c.succs[i]) {
                tight |= critical[j] && start[j] == finish[i];
            }
            if (next[i] >= 0) {
                tight |= critical[next[i]] && start[next[i]] == finish[i];
            }
            critical[i] = tight;
        }
    }

    private int target;
    private int current;
    private long currentCost;
    private int best;
    private long bestCost;
    private double temperature;
    private int[] bestPerson;
    private int[][] bestSequence;
    private int[] bestLength;
    private IntConsumer improved;

    /**
     * Improves the orders until {@code stop} says so or the makespan reaches {@code bound}; each evaluation is counted
     * by {@code counted}, and each better makespan told to {@code improved} while the search's arrays hold it.
     * Returns the best makespan found; the search's arrays then hold that schedule.
     */
    int run(int bound, BooleanSupplier stop, Runnable counted, IntConsumer improved) {
        this.target = bound;
        this.improved = improved;
        best = evaluate();
        bestCost = cost();
        bestPerson = person.clone();
        bestSequence = copy(sequence);
        bestLength = length.clone();
        current = best;
        currentCost = bestCost;
        temperature = 3;
        long sinceBest = 0;
        while (best > bound && !stop.getAsBoolean()) {
            if (++sinceBest > REHEAT_AFTER) {
                restoreBest();
                temperature = 3;
                sinceBest = 0;
                kick();
            }
            long before = bestCost;
            int bestBefore = best;
            markCritical(current);
            int i = pickTask();
            if (i < 0) {
                break;
            }
            if (random.nextInt(3) == 0 && trySwap(i) || tryMove(i)) {
                counted.run();
            }
            if (best < bestBefore || bestCost < before) {
                sinceBest = 0;
            }
            temperature = Math.max(0.3, temperature * 0.99999);
        }
        restoreBest();
        return best;
    }

    /** Moves without a better schedule before the search goes back to the best one, kicks it and heats up again. */
    static final long REHEAT_AFTER = 300_000;

    /** A few random moves taken whatever they cost: out of the best schedule's basin. */
    private void kick() {
        double hot = temperature;
        temperature = Double.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            markCritical(current);
            int i = pickTask();
            if (i >= 0) {
                tryMove(i);
            }
        }
        temperature = hot;
    }

    private void restoreBest() {
        System.arraycopy(bestPerson, 0, person, 0, person.length);
        for (int q = 0; q < c.people; q++) {
            System.arraycopy(bestSequence[q], 0, sequence[q], 0, bestLength[q]);
        }
        System.arraycopy(bestLength, 0, length, 0, length.length);
        current = evaluate();
        currentCost = cost();
    }

    /** Moves task i to another place, with its person or another qualified one; undone unless accepted. */
    private boolean tryMove(int i) {
        int from = person[i];
        int at = indexOf(from, i);
        int[] qualified = c.slots[i][0];
        int to = random.nextInt(4) == 0 ? from : qualified[random.nextInt(qualified.length)];
        remove(from, at);
        int position = random.nextInt(10) < 3 ? random.nextInt(length[to] + 1) : insertionPoint(to, start[i]) + random.nextInt(3) - 1;
        insert(to, Math.max(0, Math.min(length[to], position)), i);
        if (!accepted(evaluate())) {
            remove(to, indexOf(to, i));
            insert(from, at, i);
            evaluate();
        }
        return true;
    }

    /**
     * Swaps task i with a task of another person when each is qualified for the other's: moves work between two
     * people in one step (a single move would first overload one of them).
     */
    private boolean trySwap(int i) {
        int p1 = person[i];
        int j = random.nextInt(c.n);
        int p2 = person[j];
        if (p2 < 0 || p2 == p1 || !qualified(p1, j) || !qualified(p2, i)) {
            return false;
        }
        int a1 = indexOf(p1, i);
        int a2 = indexOf(p2, j);
        place(p1, a1, j);
        place(p2, a2, i);
        if (!accepted(evaluate())) {
            place(p1, a1, i);
            place(p2, a2, j);
            evaluate();
        }
        return true;
    }

    /** Simulated annealing on {@link #cost}: better or equal always, worse now and then, less so as it cools. */
    private boolean accepted(int makespan) {
        if (makespan < 0) {
            return false;
        }
        long cost = cost();
        if (cost > currentCost && random.nextDouble() >= Math.exp((currentCost - cost) / temperature)) {
            return false;
        }
        current = makespan;
        currentCost = cost;
        if (makespan < best || makespan == best && cost < bestCost) {
            boolean better = makespan < best;
            best = makespan;
            bestCost = cost;
            bestPerson = person.clone();
            bestSequence = copy(sequence);
            bestLength = length.clone();
            if (better) {
                improved.accept(makespan);
            }
        }
        return true;
    }

    /**
     * How far each person's work runs past the bound, squared (zero exactly when the bound is met), weighted over the
     * sum of the people's end times, which is the work (fixed) plus the idle time: less idle packs tighter.
     */
    private long cost() {
        long sum = 0;
        for (int q = 0; q < c.people; q++) {
            if (length[q] > 0) {
                long end = finish[sequence[q][length[q] - 1]];
                long over = Math.max(0, end - target);
                sum += 10 * over * over + end;
            }
        }
        return sum;
    }

    private boolean qualified(int q, int task) {
        for (int other : c.slots[task][0]) {
            if (other == q) {
                return true;
            }
        }
        return false;
    }

    private void place(int q, int at, int task) {
        sequence[q][at] = task;
        person[task] = q;
    }

    private int pickTask() {
        int tries = 0;
        while (tries++ < 4 * c.n) {
            int i = random.nextInt(c.n);
            if (person[i] >= 0 && (critical[i] || random.nextInt(5) == 0)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(int q, int task) {
        for (int k = 0; k < length[q]; k++) {
            if (sequence[q][k] == task) {
                return k;
            }
        }
        throw new IllegalStateException("task " + task + " is not with person " + q);
    }

    private int insertionPoint(int q, int time) {
        int k = 0;
        while (k < length[q] && start[sequence[q][k]] < time) {
            k++;
        }
        return k;
    }

    private void remove(int q, int at) {
        System.arraycopy(sequence[q], at + 1, sequence[q], at, length[q] - at - 1);
        length[q]--;
    }

    private void insert(int q, int at, int task) {
        System.arraycopy(sequence[q], at, sequence[q], at + 1, length[q] - at);
        sequence[q][at] = task;
        length[q]++;
        person[task] = q;
    }

    private static int[][] copy(int[][] a) {
        int[][] b = new int[a.length][];
        for (int k = 0; k < a.length; k++) {
            b[k] = a[k].clone();
        }
        return b;
    }
}
