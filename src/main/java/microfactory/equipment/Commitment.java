package microfactory.equipment;

import java.time.Instant;

/** Units of a machine another feature holds over a time (a build's task), named for a person to read. */
public record Commitment(Instant start, Instant end, int units, String what) {
}
