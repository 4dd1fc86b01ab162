package microfactory.equipment;

/** How a plan's members book: at most {@code daysAhead} days ahead, at least {@code leadMinutes} before, {@code hoursPerWeek} a week. */
public record BookingRule(String plan, int daysAhead, int leadMinutes, int hoursPerWeek) {
}
