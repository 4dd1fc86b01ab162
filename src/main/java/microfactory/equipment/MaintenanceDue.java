package microfactory.equipment;

import java.time.Instant;

/**
 * A plan's state: when it was last done (null: never), the hours of use booked since, and whether it is due — with why.
 */
public record MaintenanceDue(MaintenancePlan plan, String machineName, Instant lastDone, long hoursUsedSince, boolean due, String why) {
}
