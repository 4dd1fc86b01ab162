package microfactory.designs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A step of building one unit of a design: how long, who (skills), with what (machines by type), in which
 * kind of bay, after which steps, and the quality checks that close it; {@code standard}: the standard its checks
 * refer to (free text, such as "AWS D1.1 visual inspection"), or null.
 */
public record BuildTask(String code, String name, int minutes, String bayKind, List<SkillNeed> skills,
                        Map<String, Integer> machines, List<String> predecessors, List<String> checklist, String standard) {

    /** A task without a named standard for its checks. */
    public BuildTask(String code, String name, int minutes, String bayKind, List<SkillNeed> skills, Map<String, Integer> machines,
                     List<String> predecessors, List<String> checklist) {
        this(code, name, minutes, bayKind, skills, machines, predecessors, checklist, null);
    }

    public BuildTask {
        skills = List.copyOf(skills);
        machines = Map.copyOf(machines);
        predecessors = List.copyOf(predecessors);
        checklist = List.copyOf(checklist);
    }

    String skillsText() {
        return skills.stream().map(SkillNeed::toString).collect(Collectors.joining(";"));
    }

    String machinesText() {
        return machines.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static List<SkillNeed> parseSkills(String text) {
        List<SkillNeed> out = new ArrayList<>();
        for (String s : text.split(";")) {
            if (!s.isBlank()) {
                out.add(SkillNeed.parse(s));
            }
        }
        return out;
    }

    static Map<String, Integer> parseMachines(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String m : text.split(";")) {
            if (m.isBlank()) {
                continue;
            }
            String[] p = m.split(":");
            try {
                out.put(p[0].strip(), p.length > 1 ? Integer.parseInt(p[1].strip()) : 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + m + "' should read machine-type:count, e.g. welder:1");
            }
        }
        return out;
    }

    static List<String> parseList(String text, String separator) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(separator)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
