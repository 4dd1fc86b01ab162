package microfactory.equipment;

import java.time.Instant;

/**
 * Published (inside the recording transaction) when maintenance takes a machine down for a window, so features that
 * plan with machines (builds) can move their work out of it.
 */
public record MachineDownScheduled(Machine machine, Instant from, Instant until, String why) {
}
