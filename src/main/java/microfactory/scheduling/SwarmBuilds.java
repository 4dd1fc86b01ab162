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
    static final String[] STAGES = {"chassis", "powertrain", "loader"};

    private SwarmBuilds() {
    }

    /** The 25 steps of one stage of a unit: the same shape for the chassis, the powertrain and the loader. */
    static final int STEPS = 25;

    /**
     * {@code units} units of a design of {@code stages} × 25 tasks, built across 12 bays (each stage of each unit in its
     * own bay, round robin) by {@code crew} people of whom the last {@code trainees} are novices (level 1 in one skill,
     * so they can do the easiest work and learn beside the others), over {@code days} working days. A later stage starts
     * once the first stage's frame is fitted; the last stage's final check waits for every stage's.
     */
    public static Project generate(int units, int stages, int crew, int trainees, int days, long seed) {
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
        int perUnit = stages * STEPS;
        for (int u = 0; u < units; u++) {
            for (int stage = 0; stage < stages; stage++) {
                String bay = String.format("B%02d", (u * stages + stage) % 12 + 1);
                int base = u * 1000 + stage * STEPS + 1; // task id of the stage's first step
                for (int k = 0; k < steps.length; k++) {
                    String[] st = steps[k];
                    List<Integer> preds = new ArrayList<>();
                    for (String p : st[5].split(" ")) {
                        if (!p.isBlank()) {
                            preds.add(base + Integer.parseInt(p));
                        }
                    }
                    if (stage > 0 && preds.isEmpty()) {
                        preds.add(u * 1000 + 4 + 1); // after the first stage's "fit brackets"
                    }
                    if (stage == stages - 1 && k == steps.length - 1) {
                        for (int other = 0; other < stage; other++) {
                            preds.add(u * 1000 + other * STEPS + k + 1); // every stage's final check
                        }
                    }
                    Map<String, Integer> machines = st[3].isEmpty() ? Map.of() : Map.of(st[3], 1);
                    int people = st[1].equals("assembly") && st[2].equals("2") ? 2 : 1;
                    tasks.add(new Task(base + k, "unit " + (u + 1) + ", " + STAGES[stage % STAGES.length] + ": " + st[0],
                            Integer.parseInt(st[4]), preds, List.of(new Requirement(st[1], Integer.parseInt(st[2]), people)), machines,
                            bay, true));
                }
            }
        }
        if (tasks.size() != units * perUnit) {
            throw new IllegalStateException("generated " + tasks.size() + " tasks");
        }
        List<Person> crewList = new ArrayList<>();
        for (int q = 1; q <= crew; q++) {
            Map<String, Integer> skills = new HashMap<>();
            if (q > crew - trainees) {
                skills.put(SKILLS[q % SKILLS.length], 1); // a novice: the easiest work of one skill
                crewList.add(new Person(q, "trainee " + q, skills, List.of()));
                continue;
            }
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
        return new Project("swarm build: " + units + " units of " + perUnit + " tasks, crew of " + crew + " with " + trainees + " trainees", tasks, crewList, machines, bays, windows);
    }
}
