package microfactory.production;

import java.time.Instant;

/**
 * One piece of value a member generated: a share of a unit they built (its serial; the unit's value split by minutes
 * worked), teaching (a sign-off they gave) or maintenance (a machine serviced), the last two at the chapter's hourly value.
 */
public record Contribution(ContributionKind kind, String reference, String what, Instant at, int minutes, long valueMinor) {
}
