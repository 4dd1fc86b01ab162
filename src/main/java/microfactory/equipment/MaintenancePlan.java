package microfactory.equipment;

/** What to do to a machine, how often (every so many hours of use, or days, or whichever comes first), and the badge it needs. */
public record MaintenancePlan(long id, String machine, String task, Integer everyHours, Integer everyDays, String skill, int level) {
}
