package microfactory.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated swarm builds shaped like the source's: units of a tractor-like design built in parallel
 * across bays, by a crew with mixed skills, on machines, within 08:00–17:00 working days (minutes).
 * For benchmarks and tests; real runs come from a design's build tasks.
 */
public final class SwarmBuilds {

    static final String[] SKILLS = {"welding", "cnc", "hydraulics", "assembly", "electrical"};

    private SwarmBuilds() {
    }

    /** {@code units} units of 25 tasks each, {@code crew} people, 12 bays, over {@code days} working days. */
    public static Project generate(int units, int crew, int days, long seed) {
        Random random = new Random(seed);
        String[][] steps = { // name, skill, level, machine, minutes, predecessors (within the unit, by step index)
            {"cut frame rails", "cnc", "1", "torch-table", "60", ""},
            {"cut brackets", "cnc", "1", "torch-table", "45", ""},
            {"weld frame", "welding", "2", "welder", "120", "0"},
            {"weld brackets", "welding", "1", "welder", "60", "1"},
            {"fit brackets", "assembly", "1", "", "45", "2 3"},
            {"mount engine", "assembly", "2", "hoist", "90", "4"},
            {"mount pump", "hydraulics", "2", "", "60", "5"},
            {"cut hoses", "hydraulics", "1", "crimper", "40", ""},
            {"crimp hoses", "hydraulics", "2", "crimper", "50", "7"},
            {"route hoses", "hydraulics", "1", "", "70", "6 8"},
            {"mount wheel motors", "hydraulics", "2", "hoist", "80", "4"},
            {"mount wheels", "assembly", "1", "hoist", "40", "10"},
            {"weld loader arms", "welding", "3", "robot-arm", "90", "2"},
            {"mount loader", "assembly", "2", "hoist", "60", "11 12"},
            {"mount cylinders", "hydraulics", "2", "", "60", "13 9"},
            {"wire controls", "electrical", "1", "", "60", "5"},
            {"mount battery", "electrical", "1", "", "30", "15"},
            {"mount seat", "assembly", "1", "", "30", "4"},
            {"mount valves", "hydraulics", "2", "", "45", "9 15"},
            {"fill and bleed", "hydraulics", "1", "", "40", "14 18"},
            {"paint frame", "assembly", "1", "paint-booth", "60", "2"},
            {"grease points", "assembly", "1", "", "20", "19"},
            {"test drive", "assembly", "2", "", "30", "19 16 17"},
            {"test loader", "hydraulics", "2", "", "30", "22"},
            {"quality check", "assembly", "3", "", "30", "23 21 20"},
        };
        List<Task> tasks = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            String bay = String.format("B%02d", u % 12 + 1);
            for (int k = 0; k < steps.length; k++) {
                String[] s = steps[k];
                List<Integer> preds = new ArrayList<>();
                for (String p : s[5].split(" ")) {
                    if (!p.isBlank()) {
                        preds.add(u * 100 + Integer.parseInt(p) + 1);
                    }
                }
                Map<String, Integer> machines = s[3].isEmpty() ? Map.of() : Map.of(s[3], 1);
                int people = s[1].equals("assembly") && s[2].equals("2") ? 2 : 1;
                tasks.add(new Task(u * 100 + k + 1, "unit " + (u + 1) + ": " + s[0], Integer.parseInt(s[4]), preds,
                        List.of(new Requirement(s[1], Integer.parseInt(s[2]), people)), machines, bay, true));
            }
        }
        List<Person> crewList = new ArrayList<>();
        for (int q = 1; q <= crew; q++) {
            Map<String, Integer> skills = new HashMap<>();
            skills.put(SKILLS[q % SKILLS.length], 2 + random.nextInt(2)); // everyone is good at one thing
            for (String skill : SKILLS) {
                if (random.nextInt(3) == 0) {
                    skills.merge(skill, 1, Math::max);
                }
            }
            crewList.add(new Person(q, "crew " + q, skills, List.of()));
        }
        List<Window> windows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            windows.add(new Window(d * 1440 + 480, d * 1440 + 1020));
        }
        List<Bay> bays = new ArrayList<>();
        for (int b = 1; b <= 12; b++) {
            bays.add(new Bay(String.format("B%02d", b), 2));
        }
        List<MachineType> machines = List.of(new MachineType("torch-table", 1), new MachineType("welder", 6),
                new MachineType("robot-arm", 1), new MachineType("hoist", 3), new MachineType("crimper", 1),
                new MachineType("paint-booth", 1));
        return new Project("swarm build: " + units + " units, crew of " + crew, tasks, crewList, machines, bays, windows);
    }
}
