package microfactory.equipment;

import java.time.Instant;

/**
 * Units of a machine type held over [start, end): by a member's booking, a build's task or maintenance. {@code who} is
 * short (the booker's pseudonym, "build #12", "maintenance"), {@code what} the whole story for a person.
 */
public record HeldSlot(HeldBy by, String machineType, Instant start, Instant end, int units, String who, String what) {
}
