package microfactory.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import microfactory.designs.BuildTask;
import microfactory.designs.SkillNeed;
import microfactory.equipment.EquipmentService;
import microfactory.learning.LearningService;
import microfactory.learning.Module;
import microfactory.merit.MeritService;

/**
 * Why a build cannot be scheduled, as a steward can act on it: by cause, naming the design's task codes (E2, not an
 * internal number) once for all units, with the fix — the module that grants a missing skill, a seat to add, a machine
 * to bring back.
 */
@Component
class ScheduleProblems {

    private static final Pattern UNIT = Pattern.compile("^unit (\\d+): (.*)$");

    private final MeritService merit;
    private final EquipmentService equipment;
    private final LearningService learning;

    ScheduleProblems(MeritService merit, EquipmentService equipment, LearningService learning) {
        this.merit = merit;
        this.equipment = equipment;
        this.learning = learning;
    }

    /** The causes found in the design, the crew and the floor; empty when these allow a schedule. */
    List<String> explain(List<BuildTask> design, List<Signup> crew) {
        List<String> causes = new ArrayList<>();
        Map<String, List<String>> bySkill = new TreeMap<>();
        Map<String, Integer> peopleNeeded = new TreeMap<>();
        Map<String, List<String>> byMachine = new TreeMap<>();
        Map<String, Integer> machinesNeeded = new TreeMap<>();
        for (BuildTask t : design) {
            for (SkillNeed need : t.skills()) {
                String key = need.skill() + ":" + need.level();
                bySkill.computeIfAbsent(key, k -> new ArrayList<>()).add(t.code());
                peopleNeeded.merge(key, need.people(), Math::max);
            }
            t.machines().forEach((type, count) -> {
                byMachine.computeIfAbsent(type, k -> new ArrayList<>()).add(t.code());
                machinesNeeded.merge(type, count, Math::max);
            });
        }
        bySkill.forEach((key, tasks) -> {
            String skill = key.split(":")[0];
            int level = Integer.parseInt(key.split(":")[1]);
            long qualified = crew.stream().filter(s -> merit.levelOf(s.memberId(), skill) >= level).count();
            int needed = peopleNeeded.get(key);
            if (qualified < needed) {
                List<Module> modules = learning.modulesReaching(skill, level);
                causes.add((qualified == 0 ? "no one in the crew has " : "only " + qualified + " of the crew " + (qualified == 1 ? "has " : "have "))
                        + skill + " ≥ " + level + ", which " + codes(tasks) + (tasks.size() == 1 ? " needs" : " need")
                        + (needed > 1 ? " (" + needed + " people at once)" : "") + " — "
                        + (modules.isEmpty() ? "no module teaches it yet" : "the module that grants it: " + String.join(", ",
                                modules.stream().map(m -> m.title() + " (/learn/" + m.code() + ")").toList()))
                        + "; or add a seat for " + skill + " ≥ " + level + " and wait for someone who holds it");
            }
        });
        Map<String, Integer> inService = equipment.inServiceByType();
        byMachine.forEach((type, tasks) -> {
            int have = inService.getOrDefault(type, 0);
            int need = machinesNeeded.get(type);
            if (have < need) {
                causes.add((have == 0 ? "no " + type + " is in service" : "only " + have + " " + type + " in service")
                        + ", which " + codes(tasks) + (tasks.size() == 1 ? " needs" : " need") + (need > 1 ? " (" + need + " at once)" : "")
                        + " — bring one back into service or add one under Bays & machines");
            }
        });
        return causes;
    }

    /** The solver's reasons, one line per cause with the units it applies to ("unit 1: cut plates …" × 3 → one line). */
    static List<String> grouped(List<String> reasons) {
        Map<String, Set<String>> units = new LinkedHashMap<>();
        for (String reason : reasons) {
            Matcher m = UNIT.matcher(reason);
            if (m.matches()) {
                units.computeIfAbsent(m.group(2), k -> new LinkedHashSet<>()).add(m.group(1));
            } else {
                units.computeIfAbsent(reason, k -> new LinkedHashSet<>());
            }
        }
        List<String> lines = new ArrayList<>();
        units.forEach((cause, us) -> lines.add(us.isEmpty() ? cause
                : cause + " (unit" + (us.size() == 1 ? " " : "s ") + String.join(", ", us) + ")"));
        return lines;
    }

    private static String codes(List<String> tasks) {
        List<String> distinct = tasks.stream().distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : String.join(", ", distinct.subList(0, distinct.size() - 1))
                + " and " + distinct.get(distinct.size() - 1);
    }
}
