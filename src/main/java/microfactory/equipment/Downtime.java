package microfactory.equipment;

import java.time.Instant;

/**
 * Units of a machine type a build cannot use over a time: a member's booking, a maintenance window, or another
 * build's task ({@code machine} null: any unit of the type). {@code why} names it for a person ("booked by quiet-otter").
 */
public record Downtime(String machineType, String machine, int units, Instant start, Instant end, String why) {
}
