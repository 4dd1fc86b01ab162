package microfactory.production;

import java.time.Instant;

/** One builder's share of a built unit's value: minutes worked on its tasks and the value that earned. */
public record UnitShare(String serial, String design, Instant completedAt, int minutes, long valueMinor, String currency) {
}
