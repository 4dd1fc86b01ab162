package microfactory.production;

import java.time.Instant;

/** A line of a unit's lifetime record: built, owner changed, (later) serviced, repaired, recycled. */
public record LifetimeEvent(Instant at, LifetimeKind kind, String message, Long ledgerIndex) {
}
