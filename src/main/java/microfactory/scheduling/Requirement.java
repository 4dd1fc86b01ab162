package microfactory.scheduling;

/** A task needs {@code people} distinct people holding {@code skill} at {@code minLevel} or above. */
public record Requirement(String skill, int minLevel, int people) {

    public Requirement {
        if (people < 1 || minLevel < 0) {
            throw new IllegalArgumentException("a requirement needs at least one person and a level of 0 or more");
        }
    }
}
