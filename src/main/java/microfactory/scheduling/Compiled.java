package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The project as arrays, indexed 0..n-1 in the order of {@link Project#tasks()}: what the decoder reads
 * millions of times. Machines and bays are capacity resources; people are filled per slot (one slot per
 * person a requirement needs) from the people qualified for it. A mirrored copy (time reversed,
 * precedences flipped) lets the same decoder right-justify a schedule.
 */
final class Compiled {

    final Project project;
    final int n;
    final int[] duration;
    final int[][] preds;
    final int[][] succs;
    final int resources;
    final int[] capacity;
    final int[][] demandResource; // per task: resource indexes it uses
    final int[][] demandAmount;   // per task: matching amounts
    final int people;
    final int[][][] slots;        // per task, per slot: qualified people, most specialised first
    final int[] versatility;      // per person: how many slots they could fill
    final int[][] baseline;       // per resource, per time unit: machines out of service
    final int horizon;
    final boolean[][] present;    // per person, per time unit: there and within their windows
    final int[] windowEnd;        // per time unit: end of the working window holding it, -1 outside; null = no windows
    final boolean mirrored;

    private Compiled(Project project, int n, int[] duration, int[][] preds, int[][] succs, int resources, int[] capacity,
                     int[][] demandResource, int[][] demandAmount, int people, int[][][] slots, int[] versatility,
                     int[][] baseline, int horizon, boolean[][] present, int[] windowEnd, boolean mirrored) {
        this.project = project;
        this.n = n;
        this.duration = duration;
        this.preds = preds;
        this.succs = succs;
        this.resources = resources;
        this.capacity = capacity;
        this.demandResource = demandResource;
        this.demandAmount = demandAmount;
        this.people = people;
        this.slots = slots;
        this.versatility = versatility;
        this.baseline = baseline;
        this.horizon = horizon;
        this.present = present;
        this.windowEnd = windowEnd;
        this.mirrored = mirrored;
    }

    /** Assumes a validated project (see {@link ProjectCheck}). */
    static Compiled of(Project p) {
        return of(p, 0);
    }

    /**
     * All the work one task after another fits in {@code work} time units; each machine outage or absence between someone's
     * windows that begins before the horizon so far can hold the work back by its length and a task's (which may not
     * fit in the time before it): room for any list's schedule, yet not for an outage long after the work is done, nor
     * for one until further notice (work that needs every unit of that machine cannot wait it out).
     */
    private static long withRoomForGaps(Project p, long work, int longest) {
        List<Window> gaps = new ArrayList<>();
        for (Outage o : p.outages()) {
            gaps.add(o.when());
        }
        for (Person person : p.people()) {
            int from = 0;
            for (Window w : person.availability().stream().sorted(Comparator.comparingInt(Window::start)).toList()) {
                if (w.start() > from) {
                    gaps.add(new Window(from, w.start()));
                }
                from = Math.max(from, w.end());
            }
        }
        gaps.sort(Comparator.comparingInt(Window::start));
        long horizon = work;
        for (Window gap : gaps) {
            if (gap.start() < horizon && gap.end() < Replanner.UNTIL_FURTHER_NOTICE) {
                horizon += gap.end() - gap.start() + longest;
            }
        }
        return horizon;
    }

    /** With room for at least {@code minimumHorizon} time units besides the work itself (replanning from "now"). */
    static Compiled of(Project p, int minimumHorizon) {
        int n = p.tasks().size();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(p.tasks().get(i).id(), i);
        }
        int[] duration = new int[n];
        int[][] preds = new int[n][];
        List<List<Integer>> succ = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Task t = p.tasks().get(i);
            duration[i] = t.duration();
            preds[i] = t.predecessors().stream().mapToInt(index::get).toArray();
            for (int q : preds[i]) {
                succ.get(q).add(i);
            }
        }
        int[][] succs = succ.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);

        Map<String, Integer> resourceIndex = new HashMap<>();
        List<Integer> caps = new ArrayList<>();
        for (MachineType m : p.machines()) {
            resourceIndex.put("machine:" + m.type(), caps.size());
            caps.add(m.count());
        }
        for (Bay b : p.bays()) {
            resourceIndex.put("bay:" + b.name(), caps.size());
            caps.add(b.capacity());
        }
        int[][] demandResource = new int[n][];
        int[][] demandAmount = new int[n][];
        for (int i = 0; i < n; i++) {
            Task t = p.tasks().get(i);
            List<int[]> d = new ArrayList<>();
            t.machines().forEach((type, count) -> {
                if (count > 0) {
                    d.add(new int[] {resourceIndex.get("machine:" + type), count});
                }
            });
            if (t.bay() != null) {
                d.add(new int[] {resourceIndex.get("bay:" + t.bay()), 1});
            }
            demandResource[i] = d.stream().mapToInt(x -> x[0]).toArray();
            demandAmount[i] = d.stream().mapToInt(x -> x[1]).toArray();
        }

        int people = p.people().size();
        int[] versatility = new int[people]; // how many slots each person could fill: keep the versatile free
        for (Task t : p.tasks()) {
            for (Requirement r : t.people()) {
                for (int q = 0; q < people; q++) {
                    if (p.people().get(q).qualifiedFor(r)) {
                        versatility[q] += r.people();
                    }
                }
            }
        }
        int[][][] slots = new int[n][][];
        for (int i = 0; i < n; i++) {
            List<int[]> taskSlots = new ArrayList<>();
            for (Requirement r : p.tasks().get(i).people()) {
                Integer[] qualified = IntStream.range(0, people)
                        .filter(q -> p.people().get(q).qualifiedFor(r)).boxed().toArray(Integer[]::new);
                Arrays.sort(qualified, (a, b) -> versatility[a] != versatility[b] ? Integer.compare(versatility[a], versatility[b])
                        : Integer.compare(a, b));
                int[] eligible = Arrays.stream(qualified).mapToInt(Integer::intValue).toArray();
                for (int k = 0; k < r.people(); k++) {
                    taskSlots.add(eligible);
                }
            }
            taskSlots.sort((a, b) -> Integer.compare(a.length, b.length)); // the scarcest slot is filled first
            slots[i] = taskSlots.toArray(int[][]::new);
        }

        int horizon;
        int[] windowEnd = null;
        if (p.workingWindows().isEmpty()) {
            long sum = Arrays.stream(duration).asLongStream().sum();
            int longest = Arrays.stream(duration).max().orElse(0);
            horizon = (int) Math.min(Integer.MAX_VALUE / 4, withRoomForGaps(p, sum + 1 + minimumHorizon, longest));
        } else {
            horizon = p.workingWindows().stream().mapToInt(Window::end).max().orElseThrow();
            windowEnd = new int[horizon];
            Arrays.fill(windowEnd, -1);
            for (Window w : p.workingWindows()) {
                for (int t = Math.max(0, w.start()); t < w.end(); t++) {
                    windowEnd[t] = Math.max(windowEnd[t], w.end());
                }
            }
        }
        boolean[][] present = new boolean[people][horizon];
        for (int q = 0; q < people; q++) {
            List<Window> windows = p.people().get(q).availability();
            if (windows.isEmpty()) {
                Arrays.fill(present[q], true);
            } else {
                for (Window w : windows) {
                    for (int t = Math.max(0, w.start()); t < Math.min(horizon, w.end()); t++) {
                        present[q][t] = true;
                    }
                }
            }
        }
        int[][] baseline = new int[caps.size()][horizon];
        for (Outage o : p.outages()) {
            Integer r = resourceIndex.get("machine:" + o.machineType());
            if (r != null) {
                for (int t = Math.max(0, o.when().start()); t < Math.min(horizon, o.when().end()); t++) {
                    baseline[r][t] += o.count();
                }
            }
        }
        return new Compiled(p, n, duration, preds, succs, caps.size(), caps.stream().mapToInt(Integer::intValue).toArray(),
                demandResource, demandAmount, people, slots, versatility, baseline, horizon, present, windowEnd, false);
    }

    /** Time reversed and precedences flipped: decoding it forward schedules the original backward, as late as possible. */
    Compiled mirror() {
        boolean[][] mirroredPresent = new boolean[people][horizon];
        for (int q = 0; q < people; q++) {
            for (int t = 0; t < horizon; t++) {
                mirroredPresent[q][t] = present[q][horizon - 1 - t];
            }
        }
        int[] mirroredWindowEnd = null;
        if (windowEnd != null) {
            // A window [a, b) becomes [H - b, H - a); recompute each unit's window end in mirrored time.
            mirroredWindowEnd = new int[horizon];
            Arrays.fill(mirroredWindowEnd, -1);
            for (Window w : project.workingWindows()) {
                int a = horizon - Math.min(horizon, w.end());
                int b = horizon - Math.max(0, w.start());
                for (int t = a; t < b; t++) {
                    mirroredWindowEnd[t] = Math.max(mirroredWindowEnd[t], b);
                }
            }
        }
        int[][] mirroredBaseline = new int[resources][horizon];
        for (int r = 0; r < resources; r++) {
            for (int t = 0; t < horizon; t++) {
                mirroredBaseline[r][t] = baseline[r][horizon - 1 - t];
            }
        }
        return new Compiled(project, n, duration, succs, preds, resources, capacity, demandResource, demandAmount, people,
                slots, versatility, mirroredBaseline, horizon, mirroredPresent, mirroredWindowEnd, !mirrored);
    }

    /** Whether everyone is there all the time: no absences, no working windows of their own. */
    boolean everyoneAlwaysThere() {
        for (boolean[] here : present) {
            for (boolean there : here) {
                if (!there) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether nothing depends on the time of day: no working windows, no machine outages, everyone always there. */
    boolean timeInvariant() {
        if (windowEnd != null) {
            return false;
        }
        for (int[] out : baseline) {
            for (int count : out) {
                if (count != 0) {
                    return false;
                }
            }
        }
        return everyoneAlwaysThere();
    }

    int taskId(int index) {
        return project.tasks().get(index).id();
    }

    int personId(int index) {
        return project.people().get(index).id();
    }
}
