package microfactory.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a schedule against the project from the model's definition alone, sharing no code with the
 * solver: every task once with its duration, predecessors finished first, inside one working window,
 * machines and bays within capacity (outages included) at every moment, each requirement met by distinct
 * qualified people who are present and never in two places at once. Returns every violation found.
 */
public final class FeasibilityChecker {

    private FeasibilityChecker() {
    }

    public static List<String> violations(Project p, Schedule s) {
        List<String> v = new ArrayList<>();
        Map<Integer, Assignment> byTask = new HashMap<>();
        for (Assignment a : s.assignments()) {
            if (byTask.put(a.task(), a) != null) {
                v.add("task " + a.task() + " is scheduled twice");
            }
        }
        Map<Integer, Person> people = new HashMap<>();
        p.people().forEach(x -> people.put(x.id(), x));
        for (Task t : p.tasks()) {
            Assignment a = byTask.get(t.id());
            if (a == null) {
                v.add("task " + t.id() + " is not scheduled");
                continue;
            }
            if (a.start() < 0 || a.end() - a.start() != t.duration()) {
                v.add("task " + t.id() + " runs " + a.start() + "–" + a.end() + " but takes " + t.duration());
            }
            for (int q : t.predecessors()) {
                Assignment before = byTask.get(q);
                if (before != null && before.end() > a.start()) {
                    v.add("task " + t.id() + " starts at " + a.start() + " before task " + q + " ends at " + before.end());
                }
            }
            if (!p.workingWindows().isEmpty() && t.duration() > 0
                    && p.workingWindows().stream().noneMatch(w -> w.contains(a.start(), a.end()))) {
                v.add("task " + t.id() + " (" + a.start() + "–" + a.end() + ") is not inside one working window");
            }
            v.addAll(crew(t, a, people));
        }
        for (Assignment a : s.assignments()) {
            if (p.tasks().stream().noneMatch(t -> t.id() == a.task())) {
                v.add("the schedule has task " + a.task() + ", which the project does not");
            }
        }
        v.addAll(capacities(p, byTask));
        v.addAll(doubleBookings(p, s, people));
        return v;
    }

    /** The requirements must be met by distinct qualified people: a small matching, tried exhaustively. */
    private static List<String> crew(Task t, Assignment a, Map<Integer, Person> people) {
        List<String> v = new ArrayList<>();
        int needed = t.people().stream().mapToInt(Requirement::people).sum();
        if (a.people().size() != needed) {
            v.add("task " + t.id() + " has " + a.people().size() + " people but needs " + needed);
            return v;
        }
        if (new HashSet<>(a.people()).size() != a.people().size()) {
            v.add("task " + t.id() + " lists a person twice");
            return v;
        }
        for (int id : a.people()) {
            if (!people.containsKey(id)) {
                v.add("task " + t.id() + " names person " + id + ", who is not in the project");
                return v;
            }
        }
        List<Requirement> slots = new ArrayList<>();
        t.people().forEach(r -> {
            for (int k = 0; k < r.people(); k++) {
                slots.add(r);
            }
        });
        if (!match(slots, 0, new ArrayList<>(a.people()), people)) {
            v.add("task " + t.id() + ": its people do not meet its skill requirements " + t.people());
        }
        for (int id : a.trainees()) {
            if (!people.containsKey(id) || a.people().contains(id)) {
                v.add("task " + t.id() + " has an unknown or double-counted trainee " + id);
            }
        }
        return v;
    }

    private static boolean match(List<Requirement> slots, int k, List<Integer> free, Map<Integer, Person> people) {
        if (k == slots.size()) {
            return true;
        }
        for (int j = 0; j < free.size(); j++) {
            int id = free.get(j);
            if (people.get(id).qualifiedFor(slots.get(k))) {
                free.remove(j);
                boolean ok = match(slots, k + 1, free, people);
                free.add(j, id);
                if (ok) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sweeps each machine type and bay over time: usage never above what outages leave (outages that overlap may
     * add up beyond the capacity; they take at most all of it).
     */
    private static List<String> capacities(Project p, Map<Integer, Assignment> byTask) {
        List<String> v = new ArrayList<>();
        Map<String, Integer> capacity = new HashMap<>();
        Map<String, TreeMap<Integer, int[]>> deltas = new HashMap<>();
        p.machines().forEach(m -> capacity.put("machine '" + m.type() + "'", m.count()));
        p.bays().forEach(b -> capacity.put("bay '" + b.name() + "'", b.capacity()));
        for (Outage o : p.outages()) {
            add(deltas, "machine '" + o.machineType() + "'", o.when().start(), o.when().end(), o.count(), 1);
        }
        for (Task t : p.tasks()) {
            Assignment a = byTask.get(t.id());
            if (a == null || a.end() == a.start()) {
                continue;
            }
            t.machines().forEach((type, count) -> add(deltas, "machine '" + type + "'", a.start(), a.end(), count, 0));
            if (t.bay() != null) {
                add(deltas, "bay '" + t.bay() + "'", a.start(), a.end(), 1, 0);
            }
        }
        deltas.forEach((resource, changes) -> {
            int used = 0;
            int out = 0;
            int cap = capacity.getOrDefault(resource, 0);
            for (var e : changes.entrySet()) {
                used += e.getValue()[0];
                out += e.getValue()[1];
                if (used > 0 && used + Math.min(cap, out) > cap) {
                    v.add(resource + " is over capacity at time " + e.getKey() + " (" + (used + Math.min(cap, out)) + " > " + cap + ")");
                    return;
                }
            }
        });
        return v;
    }

    /** Adds {@code amount} over [from, to) to the resource's usage (kind 0) or outage (kind 1). */
    private static void add(Map<String, TreeMap<Integer, int[]>> deltas, String resource, int from, int to, int amount, int kind) {
        TreeMap<Integer, int[]> d = deltas.computeIfAbsent(resource, r -> new TreeMap<>());
        d.computeIfAbsent(from, k -> new int[2])[kind] += amount;
        d.computeIfAbsent(to, k -> new int[2])[kind] -= amount;
    }

    /** No one works two overlapping tasks (as crew or trainee), and everyone works only when present. */
    private static List<String> doubleBookings(Project p, Schedule s, Map<Integer, Person> people) {
        List<String> v = new ArrayList<>();
        Map<Integer, List<Assignment>> byPerson = new HashMap<>();
        for (Assignment a : s.assignments()) {
            if (a.end() == a.start()) {
                continue;
            }
            Set<Integer> all = new HashSet<>(a.people());
            all.addAll(a.trainees());
            for (int id : all) {
                byPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
                Person person = people.get(id);
                if (person != null && !person.availability().isEmpty()
                        && person.availability().stream().noneMatch(w -> w.contains(a.start(), a.end()))) {
                    v.add("person " + id + " works task " + a.task() + " (" + a.start() + "–" + a.end() + ") when not there");
                }
            }
        }
        byPerson.forEach((id, list) -> {
            list.sort((x, y) -> Integer.compare(x.start(), y.start()));
            for (int k = 1; k < list.size(); k++) {
                if (list.get(k).start() < list.get(k - 1).end()) {
                    v.add("person " + id + " is on tasks " + list.get(k - 1).task() + " and " + list.get(k).task() + " at once");
                }
            }
        });
        return v;
    }
}
