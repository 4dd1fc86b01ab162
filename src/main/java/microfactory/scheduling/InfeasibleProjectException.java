package microfactory.scheduling;

import java.util.List;

/** A project no schedule can satisfy, with every reason found, each naming the task. */
public class InfeasibleProjectException extends RuntimeException {

    private final List<String> reasons;

    public InfeasibleProjectException(List<String> reasons) {
        super("The project cannot be scheduled: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
