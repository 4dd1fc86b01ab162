package microfactory.production;

import java.time.Instant;
import java.util.List;

/** One unit's copy of one build task in the schedule; people by public id. */
public record RunTask(long id, int unit, String code, String name, int startMinute, int endMinute, String bay, List<String> people,
                      List<String> trainees, List<String> machines, List<String> predecessors, TaskStatus status, List<String> checklist,
                      Instant startedAt, Instant finishedAt) {

    /** A task as planned (not started). */
    public RunTask(long id, int unit, String code, String name, int startMinute, int endMinute, String bay, List<String> people,
                   List<String> trainees, List<String> machines, List<String> predecessors, TaskStatus status, List<String> checklist) {
        this(id, unit, code, name, startMinute, endMinute, bay, people, trainees, machines, predecessors, status, checklist, null, null);
    }

    public int minutes() {
        return endMinute - startMinute;
    }

    public String key() {
        return unit + "-" + code;
    }

    public boolean involves(String publicId) {
        return people.contains(publicId) || trainees.contains(publicId);
    }
}
