package microfactory.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The second objective: after the makespan is fixed, put a novice beside the qualified crew of every
 * task that takes a trainee, when someone below the level (or new to the skill) is free for the whole
 * task. The least-trained novices go first, so learning spreads. Never moves a task.
 */
final class Trainees {

    private Trainees() {
    }

    static Schedule add(Compiled c, Schedule schedule) {
        Project p = c.project;
        if (p.tasks().stream().noneMatch(Task::trainee)) {
            return schedule;
        }
        boolean[][] busy = new boolean[c.people][c.horizon];
        for (Assignment a : schedule.assignments()) {
            for (int id : a.people()) {
                Arrays.fill(busy[index(c, id)], a.start(), a.end(), true);
            }
        }
        int[] trained = new int[c.people];
        List<Assignment> out = new ArrayList<>();
        for (Assignment a : schedule.assignments()) {
            Task t = p.tasks().stream().filter(x -> x.id() == a.task()).findFirst().orElseThrow();
            if (!t.trainee() || t.people().isEmpty() || a.end() == a.start()) {
                out.add(a);
                continue;
            }
            Requirement r = t.people().get(0);
            int best = -1;
            for (int q = 0; q < c.people; q++) {
                Person person = p.people().get(q);
                boolean novice = person.skills().getOrDefault(r.skill(), 0) < r.minLevel();
                if (novice && free(busy[q], c.present[q], a.start(), a.end()) && (best < 0 || trained[q] < trained[best])) {
                    best = q;
                }
            }
            if (best < 0) {
                out.add(a);
                continue;
            }
            Arrays.fill(busy[best], a.start(), a.end(), true);
            trained[best]++;
            out.add(new Assignment(a.task(), a.start(), a.end(), a.people(), List.of(c.personId(best))));
        }
        return new Schedule(out);
    }

    private static boolean free(boolean[] busy, boolean[] present, int from, int to) {
        for (int x = from; x < to; x++) {
            if (busy[x] || !present[x]) {
                return false;
            }
        }
        return true;
    }

    private static int index(Compiled c, int personId) {
        for (int q = 0; q < c.people; q++) {
            if (c.personId(q) == personId) {
                return q;
            }
        }
        throw new IllegalArgumentException("person " + personId);
    }
}
