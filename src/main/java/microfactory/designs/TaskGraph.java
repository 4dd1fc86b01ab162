package microfactory.designs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A design's build tasks as a graph: checked (known predecessors, no cycle, known skills and machine
 * types) and timed by the critical-path method: earliest and latest start of each task, and the chain
 * with no slack that sets how long one unit takes.
 */
public record TaskGraph(List<BuildTask> tasks, Map<String, Integer> earliestStart, Map<String, Integer> latestStart,
                        int length, List<String> criticalPath, List<String> problems) {

    public boolean critical(String code) {
        return earliestStart.containsKey(code) && earliestStart.get(code).equals(latestStart.get(code));
    }

    public static TaskGraph of(List<BuildTask> tasks, Set<String> knownSkills, Set<String> knownMachines) {
        List<String> problems = new ArrayList<>();
        Map<String, BuildTask> byCode = new LinkedHashMap<>();
        for (BuildTask t : tasks) {
            if (byCode.put(t.code(), t) != null) {
                problems.add("task " + t.code() + " appears twice");
            }
        }
        for (BuildTask t : tasks) {
            for (String p : t.predecessors()) {
                if (!byCode.containsKey(p)) {
                    problems.add("task " + t.code() + " waits for '" + p + "', which is not a task of this design");
                }
            }
            for (SkillNeed s : t.skills()) {
                if (!knownSkills.contains(s.skill())) {
                    problems.add("task " + t.code() + " needs skill '" + s.skill() + "', which the chapter does not teach; known: "
                            + new TreeSet<>(knownSkills));
                }
            }
            for (String m : t.machines().keySet()) {
                if (!knownMachines.contains(m)) {
                    problems.add("task " + t.code() + " needs machine type '" + m + "', which is unknown; known: "
                            + new TreeSet<>(knownMachines));
                }
            }
        }
        List<String> order = topological(byCode, problems);
        Map<String, Integer> es = new HashMap<>();
        Map<String, Integer> ls = new HashMap<>();
        if (order.size() < byCode.size() || !problems.isEmpty()) { // timing needs a sound graph
            return new TaskGraph(tasks, es, ls, 0, List.of(), problems);
        }
        int length = 0;
        for (String code : order) {
            int start = 0;
            for (String p : byCode.get(code).predecessors()) {
                start = Math.max(start, es.getOrDefault(p, 0) + byCode.get(p).minutes());
            }
            es.put(code, start);
            length = Math.max(length, start + byCode.get(code).minutes());
        }
        Map<String, List<String>> successors = new HashMap<>();
        byCode.values().forEach(t -> t.predecessors().forEach(p -> successors.computeIfAbsent(p, k -> new ArrayList<>()).add(t.code())));
        for (int k = order.size() - 1; k >= 0; k--) {
            String code = order.get(k);
            int finish = length;
            for (String s : successors.getOrDefault(code, List.of())) {
                finish = Math.min(finish, ls.get(s));
            }
            ls.put(code, finish - byCode.get(code).minutes());
        }
        List<String> path = new ArrayList<>();
        String at = order.stream().filter(c -> es.get(c).equals(ls.get(c)) && es.get(c) == 0).findFirst().orElse(null);
        while (at != null) {
            path.add(at);
            String current = at;
            at = successors.getOrDefault(current, List.of()).stream()
                    .filter(s -> es.get(s).equals(ls.get(s)) && es.get(s) == es.get(current) + byCode.get(current).minutes())
                    .findFirst().orElse(null);
        }
        return new TaskGraph(tasks, es, ls, length, path, problems);
    }

    private static List<String> topological(Map<String, BuildTask> byCode, List<String> problems) {
        Map<String, Integer> remaining = new HashMap<>();
        Map<String, List<String>> successors = new HashMap<>();
        for (BuildTask t : byCode.values()) {
            int known = 0;
            for (String p : t.predecessors()) {
                if (byCode.containsKey(p)) {
                    known++;
                    successors.computeIfAbsent(p, k -> new ArrayList<>()).add(t.code());
                }
            }
            remaining.put(t.code(), known);
        }
        List<String> order = new ArrayList<>();
        List<String> ready = new ArrayList<>();
        remaining.forEach((c, n) -> {
            if (n == 0) {
                ready.add(c);
            }
        });
        ready.sort(null);
        while (!ready.isEmpty()) {
            String c = ready.remove(0);
            order.add(c);
            for (String s : successors.getOrDefault(c, List.of())) {
                if (remaining.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (order.size() < byCode.size()) {
            Set<String> stuck = new HashSet<>(byCode.keySet());
            order.forEach(stuck::remove);
            problems.add("tasks " + new TreeSet<>(stuck) + " wait for each other (a cycle)");
        }
        return order;
    }
}
