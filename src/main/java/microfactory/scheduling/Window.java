package microfactory.scheduling;

/** A half-open interval of time units, [start, end): working hours, or when a person is there. */
public record Window(int start, int end) {

    public Window {
        if (end <= start) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    public boolean contains(int from, int to) {
        return from >= start && to <= end;
    }
}
