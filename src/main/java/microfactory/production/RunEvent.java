package microfactory.production;

import java.time.Instant;

/** A line of a run's log: a replan and why, a delay reported, a machine lost. */
public record RunEvent(Instant at, String kind, String message) {
}
