package microfactory.scheduling;

import java.util.List;

/** When a task runs and who does it; {@code trainees} learn beside them. */
public record Assignment(int task, int start, int end, List<Integer> people, List<Integer> trainees) {

    public Assignment {
        people = List.copyOf(people);
        trainees = List.copyOf(trainees);
    }
}
