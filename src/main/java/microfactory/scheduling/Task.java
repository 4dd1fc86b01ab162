package microfactory.scheduling;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit of work: a duration in time units, the tasks that must finish first, the people it needs
 * (by skill and level), the machines it needs (type → count), and optionally the bay it happens in.
 * A task may take one extra {@code trainee} below the level, to learn beside the qualified people.
 */
public record Task(int id, String name, int duration, List<Integer> predecessors, List<Requirement> people,
                   Map<String, Integer> machines, String bay, boolean trainee) {

    public Task {
        predecessors = List.copyOf(predecessors);
        people = List.copyOf(people);
        // In type order: Map.copyOf's order changes from one JVM to the next, and the solver reads the machines in
        // map order (a sum of shares whose last bit depends on it), so the same seed gave different schedules per run.
        machines = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(machines)));
        if (duration < 0) {
            throw new IllegalArgumentException("task " + id + " has a negative duration");
        }
    }

    public static Task of(int id, int duration, List<Integer> predecessors) {
        return new Task(id, "task " + id, duration, predecessors, List.of(), Map.of(), null, false);
    }
}
