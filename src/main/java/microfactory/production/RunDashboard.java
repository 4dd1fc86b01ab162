package microfactory.production;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a build is going: progress, the expected finish against the last working minute, what runs behind (against the
 * plan, from the real start and finish times), and the critical chain — the task that ends last and, back from it,
 * each one's latest-finishing predecessor: delay any of them and the build ends later.
 */
public record RunDashboard(long done, int total, int unitsBuilt, int expectedEnd, int lastWorkingMinute, List<Delay> delays,
                           List<String> criticalChain, List<RunEvent> log) {

    /** A task behind its plan: {@code kind} is "running over", "not started" or "finished late". */
    public record Delay(String key, int unit, String task, String kind, long minutes) {
    }

    public boolean late() {
        return expectedEnd > lastWorkingMinute;
    }

    public boolean critical(RunTask t) {
        return criticalChain.contains(t.key());
    }

    static RunDashboard of(Run run, List<RunTask> tasks, int unitsBuilt, Instant now, List<RunEvent> log, ZoneId zone) {
        long nowMinute = run.minuteAt(now, zone);
        List<Delay> delays = new ArrayList<>();
        for (RunTask t : tasks) {
            if (t.status() == TaskStatus.STARTED && nowMinute > t.endMinute()) {
                delays.add(new Delay(t.key(), t.unit(), t.name(), "running over", nowMinute - t.endMinute()));
            } else if (t.status() == TaskStatus.PLANNED && nowMinute > t.startMinute()) {
                delays.add(new Delay(t.key(), t.unit(), t.name(), "not started", nowMinute - t.startMinute()));
            } else if (t.finishedAt() != null && run.minuteAt(t.finishedAt(), zone) > t.endMinute()) {
                delays.add(new Delay(t.key(), t.unit(), t.name(), "finished late",
                        run.minuteAt(t.finishedAt(), zone) - t.endMinute()));
            }
        }
        delays.sort(Comparator.comparingLong(Delay::minutes).reversed());
        long done = tasks.stream().filter(t -> t.status() == TaskStatus.DONE).count();
        int end = tasks.stream().mapToInt(RunTask::endMinute).max().orElse(0);
        return new RunDashboard(done, tasks.size(), unitsBuilt, end, (run.days() - 1) * 1440 + run.dayEnd(), delays,
                criticalChain(tasks), log);
    }

    private static List<String> criticalChain(List<RunTask> tasks) {
        Map<String, RunTask> byKey = new HashMap<>();
        tasks.forEach(t -> byKey.put(t.key(), t));
        RunTask at = tasks.stream().max(Comparator.comparingInt(RunTask::endMinute)).orElse(null);
        Set<String> chain = new LinkedHashSet<>();
        while (at != null && chain.add(at.key())) {
            RunTask current = at;
            at = current.predecessors().stream().map(p -> byKey.get(current.unit() + "-" + p)).filter(p -> p != null)
                    .max(Comparator.comparingInt(RunTask::endMinute)).orElse(null);
        }
        List<String> ordered = new ArrayList<>(chain);
        Collections.reverse(ordered);
        return ordered;
    }
}
