package microfactory.scheduling;

import java.util.Comparator;
import java.util.List;

/** A start, an end and people for every task. */
public record Schedule(List<Assignment> assignments) {

    public Schedule {
        assignments = assignments.stream().sorted(Comparator.comparingInt(Assignment::start).thenComparingInt(Assignment::task)).toList();
    }

    public int makespan() {
        return assignments.stream().mapToInt(Assignment::end).max().orElse(0);
    }

    public Assignment of(int task) {
        return assignments.stream().filter(a -> a.task() == task).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task " + task + " is not in the schedule"));
    }

    public int trainingPairs() {
        return assignments.stream().mapToInt(a -> a.trainees().size()).sum();
    }
}
