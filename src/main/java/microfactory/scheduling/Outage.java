package microfactory.scheduling;

/** Some machines of a type out of service for a while (a breakdown, maintenance). */
public record Outage(String machineType, int count, Window when) {
}
