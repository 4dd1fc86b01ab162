package microfactory.equipment;

import java.time.Instant;

/** A machine went into or out of service, and why. */
public record StatusEvent(Instant at, boolean inService, String reason) {
}
