package microfactory.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers for the two public benchmark formats, both mapped onto {@link Project}: PSPLIB {@code .sm}
 * (RCPSP: renewable resources become machine types with their capacity) and iMOPSE {@code .def}
 * (MS-RCPSP: resources become people with skills; each task needs one person at the skill's level).
 * Task ids are kept as numbered in the file.
 */
public final class InstanceReaders {

    private InstanceReaders() {
    }

    public static Project psplib(Path file) throws IOException {
        return psplib(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    static Project psplib(String name, List<String> lines) {
        int jobs = -1;
        int resources = -1;
        Map<Integer, List<Integer>> successors = new HashMap<>();
        Map<Integer, int[]> requests = new LinkedHashMap<>();
        int[] capacity = null;
        String section = "";
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            int lineNo = n + 1;
            if (line.startsWith("jobs (incl. supersource/sink )")) {
                jobs = intAfterColon(name, lineNo, line);
            } else if (line.startsWith("- renewable")) {
                resources = Integer.parseInt(line.replaceAll("[^0-9]+", " ").strip().split(" ")[0]);
            } else if (line.startsWith("PRECEDENCE RELATIONS")) {
                section = "precedence";
                n++; // column header
            } else if (line.startsWith("REQUESTS/DURATIONS")) {
                section = "requests";
                n += 2; // header and dashes
            } else if (line.startsWith("RESOURCEAVAILABILITIES")) {
                section = "capacity";
                n++;
            } else if (line.startsWith("***") || line.isEmpty()) {
                if (!section.equals("capacity")) {
                    section = line.isEmpty() ? section : "";
                }
            } else if (section.equals("precedence")) {
                int[] f = ints(name, lineNo, line);
                if (f.length < 3 || f.length != 3 + f[2]) {
                    throw new InstanceFormatException(name, lineNo, "a precedence line reads: job, modes, successor count, successors");
                }
                List<Integer> succ = new ArrayList<>();
                for (int k = 3; k < f.length; k++) {
                    succ.add(f[k]);
                }
                successors.put(f[0], succ);
            } else if (section.equals("requests")) {
                if (resources < 0) {
                    throw new InstanceFormatException(name, lineNo, "the number of renewable resources must come first");
                }
                int[] f = ints(name, lineNo, line);
                if (f.length != 3 + resources) {
                    throw new InstanceFormatException(name, lineNo, "a request line reads: job, mode, duration and "
                            + resources + " resource amounts");
                }
                requests.put(f[0], f);
            } else if (section.equals("capacity")) {
                capacity = ints(name, lineNo, line);
                if (capacity.length != resources) {
                    throw new InstanceFormatException(name, lineNo, "expected " + resources + " resource capacities");
                }
                section = "";
            }
        }
        if (jobs < 0 || resources < 0 || capacity == null || requests.size() != jobs || successors.size() != jobs) {
            throw new InstanceFormatException(name, lines.size(), "incomplete file: expected " + jobs + " jobs with "
                    + "precedences, requests and resource availabilities");
        }
        Map<Integer, List<Integer>> predecessors = new HashMap<>();
        successors.forEach((job, succ) -> succ.forEach(s -> predecessors.computeIfAbsent(s, k -> new ArrayList<>()).add(job)));
        List<Task> tasks = new ArrayList<>();
        for (int[] r : requests.values()) {
            Map<String, Integer> machines = new LinkedHashMap<>();
            for (int k = 0; k < resources; k++) {
                if (r[3 + k] > 0) {
                    machines.put("R" + (k + 1), r[3 + k]);
                }
            }
            tasks.add(new Task(r[0], "job " + r[0], r[2], predecessors.getOrDefault(r[0], List.of()), List.of(), machines,
                    null, false));
        }
        List<MachineType> types = new ArrayList<>();
        for (int k = 0; k < resources; k++) {
            types.add(new MachineType("R" + (k + 1), capacity[k]));
        }
        return new Project(name, tasks, List.of(), types, List.of(), List.of());
    }

    public static Project imopse(Path file) throws IOException {
        return imopse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static Project imopse(String name, List<String> lines) {
        int part = 0; // 0 elsewhere, 1 resources, 2 tasks: each section starts at its column header
        List<Person> people = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            int lineNo = n + 1;
            if (line.startsWith("=")) {
                part = 0;
                continue;
            }
            if (line.startsWith("ResourceID")) {
                part = 1;
                continue;
            }
            if (line.startsWith("TaskID")) {
                part = 2;
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (part == 1) {
                String[] f = line.split("\\s+");
                if (f.length < 4 || (f.length - 2) % 2 != 0) {
                    throw new InstanceFormatException(name, lineNo, "a resource line reads: id, salary, then skill: level pairs");
                }
                Map<String, Integer> skills = new HashMap<>();
                for (int k = 2; k + 1 < f.length; k += 2) {
                    skills.put(skill(name, lineNo, f[k]), integer(name, lineNo, f[k + 1]));
                }
                people.add(new Person(integer(name, lineNo, f[0]), "resource " + f[0], skills, List.of()));
            } else if (part == 2) {
                String[] f = line.split("\\s+");
                if (f.length < 4) {
                    throw new InstanceFormatException(name, lineNo, "a task line reads: id, duration, skill: level, predecessors");
                }
                List<Integer> preds = new ArrayList<>();
                for (int k = 4; k < f.length; k++) {
                    preds.add(integer(name, lineNo, f[k]));
                }
                tasks.add(new Task(integer(name, lineNo, f[0]), "task " + f[0], integer(name, lineNo, f[1]), preds,
                        List.of(new Requirement(skill(name, lineNo, f[2]), integer(name, lineNo, f[3]), 1)), Map.of(), null, false));
            }
        }
        if (tasks.isEmpty() || people.isEmpty()) {
            throw new InstanceFormatException(name, lines.size(), "no resources or no tasks found (sections start at their ResourceID and TaskID header lines)");
        }
        return new Project(name, tasks, people, List.of(), List.of(), List.of());
    }

    private static String skill(String file, int line, String field) {
        if (!field.endsWith(":")) {
            throw new InstanceFormatException(file, line, "expected a skill like Q3:, got '" + field + "'");
        }
        return field.substring(0, field.length() - 1);
    }

    private static int intAfterColon(String file, int line, String text) {
        return integer(file, line, text.substring(text.indexOf(':') + 1).strip());
    }

    private static int[] ints(String file, int line, String text) {
        String[] f = text.split("\\s+");
        int[] out = new int[f.length];
        for (int k = 0; k < f.length; k++) {
            out[k] = integer(file, line, f[k]);
        }
        return out;
    }

    private static int integer(String file, int line, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InstanceFormatException(file, line, "expected a whole number, got '" + text + "'");
        }
    }
}
