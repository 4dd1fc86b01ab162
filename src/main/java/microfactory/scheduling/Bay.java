package microfactory.scheduling;

/** A work area and how many tasks can happen in it at once. */
public record Bay(String name, int capacity) {
}
