package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds why a project cannot be scheduled at all, before any search: unknown or cyclic predecessors, a
 * requirement fewer people meet than it needs, a machine type or bay that does not exist or has too few,
 * a task longer than any working window. Each reason names the task.
 */
final class ProjectCheck {

    private ProjectCheck() {
    }

    static void requireFeasible(Project p) {
        List<String> reasons = reasons(p);
        if (!reasons.isEmpty()) {
            throw new InfeasibleProjectException(reasons);
        }
    }

    static List<String> reasons(Project p) {
        List<String> reasons = new ArrayList<>();
        Map<Integer, Task> byId = new HashMap<>();
        for (Task t : p.tasks()) {
            if (byId.put(t.id(), t) != null) {
                reasons.add("task " + t.id() + " appears twice");
            }
        }
        Map<String, Integer> machines = new HashMap<>();
        p.machines().forEach(m -> machines.put(m.type(), m.count()));
        Map<String, Integer> bays = new HashMap<>();
        p.bays().forEach(b -> bays.put(b.name(), b.capacity()));
        int longestWindow = p.workingWindows().stream().mapToInt(w -> w.end() - w.start()).max().orElse(Integer.MAX_VALUE);
        for (Task t : p.tasks()) {
            String name = label(t);
            for (int q : t.predecessors()) {
                if (!byId.containsKey(q)) {
                    reasons.add(name + " waits for task " + q + ", which does not exist");
                }
            }
            for (Requirement r : t.people()) {
                List<Person> qualified = p.people().stream().filter(person -> person.qualifiedFor(r)).toList();
                if (qualified.size() < r.people()) {
                    reasons.add(name + " needs " + r.people() + (r.people() == 1 ? " person" : " people") + " with " + r.skill()
                            + " at level " + r.minLevel() + " or above; " + (qualified.isEmpty() ? "no one has it"
                            : "only " + qualified.size() + " " + (qualified.size() == 1 ? "has" : "have") + " it"));
                }
            }
            t.machines().forEach((type, count) -> {
                if (!machines.containsKey(type)) {
                    reasons.add(name + " needs machine type '" + type + "', which the project does not have");
                } else if (machines.get(type) < count) {
                    reasons.add(name + " needs " + count + " of '" + type + "' at once; " + machines.get(type) + " in service");
                }
            });
            if (t.bay() != null && !bays.containsKey(t.bay())) {
                reasons.add(name + " happens in bay '" + t.bay() + "', which the project does not have");
            } else if (t.bay() != null && bays.get(t.bay()) < 1) {
                reasons.add(name + " happens in bay '" + t.bay() + "', which has no room");
            }
            if (t.duration() > longestWindow) {
                reasons.add(name + " takes " + t.duration() + " time units, longer than the longest working window ("
                        + longestWindow + ")");
            }
        }
        reasons.addAll(cycles(p, byId));
        return reasons;
    }

    /** Names one cycle of each strongly tangled group, e.g. "tasks 3 → 5 → 3 wait for each other". */
    private static List<String> cycles(Project p, Map<Integer, Task> byId) {
        List<String> found = new ArrayList<>();
        Map<Integer, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        for (Task t : p.tasks()) {
            if (!state.containsKey(t.id())) {
                List<Integer> path = new ArrayList<>();
                dfs(t.id(), byId, state, path, found);
            }
        }
        return found;
    }

    private static void dfs(int id, Map<Integer, Task> byId, Map<Integer, Integer> state, List<Integer> path,
                            List<String> found) {
        state.put(id, 1);
        path.add(id);
        for (int q : byId.get(id).predecessors()) {
            if (!byId.containsKey(q)) {
                continue;
            }
            Integer s = state.get(q);
            if (s == null) {
                dfs(q, byId, state, path, found);
            } else if (s == 1) {
                List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(q), path.size()));
                Collections.reverse(cycle); // in the order the work would flow
                Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle))); // from the smallest id
                cycle.add(cycle.get(0));
                StringBuilder text = new StringBuilder("tasks ");
                for (int k = 0; k < cycle.size(); k++) {
                    text.append(k == 0 ? "" : " → ").append(cycle.get(k));
                }
                found.add(text + " wait for each other (a precedence cycle)");
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    private static String label(Task t) {
        return t.name().equals("task " + t.id()) || t.name().equals("job " + t.id()) ? "task " + t.id()
                : "task " + t.id() + " (" + t.name() + ")";
    }
}
