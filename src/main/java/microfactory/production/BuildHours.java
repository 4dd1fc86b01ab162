package microfactory.production;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Person-hours per unit over a design's successive builds: the learning curve a design's optimisation should bend down.
 * A task counts the time its crew and trainees worked as recorded between start and finish; a task started and finished
 * within a minute was entered afterwards, so its scheduled length stands in.
 */
@Service
public class BuildHours {

    /** One completed build of the design: how many units and the person-hours each took, with how many were recorded live. */
    public record RunHours(long runId, LocalDate startsOn, String version, int units, double hoursPerUnit, int tasks, int tasksTimed) {
    }

    private final ProductionRepository runs;

    BuildHours(ProductionRepository runs) {
        this.runs = runs;
    }

    /** The design's completed builds, oldest first. */
    public List<RunHours> ofDesign(String design) {
        return runs.runs().stream().filter(r -> r.designSlug().equals(design) && r.status() == RunStatus.COMPLETED)
                .sorted((a, b) -> a.startsOn().compareTo(b.startsOn()))
                .map(this::hours).toList();
    }

    private RunHours hours(Run run) {
        long personMinutes = 0;
        int timed = 0;
        List<RunTask> tasks = runs.tasks(run.id());
        for (RunTask t : tasks) {
            long minutes = t.endMinute() - t.startMinute();
            if (t.startedAt() != null && t.finishedAt() != null) {
                long worked = Duration.between(t.startedAt(), t.finishedAt()).toMinutes();
                if (worked >= 1) {
                    minutes = worked;
                    timed++;
                }
            }
            personMinutes += minutes * Math.max(1, t.people().size() + t.trainees().size());
        }
        return new RunHours(run.id(), run.startsOn(), run.version(), run.quantity(), personMinutes / 60.0 / Math.max(1, run.quantity()),
                tasks.size(), timed);
    }
}
