package microfactory.funding;

import java.time.Instant;
import java.util.List;

/** A campaign with what it has raised so far: held or posted pledges, and how many backers made them. */
public record Campaign(long id, String title, String story, long goalMinor, String currency, Instant deadline,
                       CampaignMode mode, CampaignStatus status, String creditAccount, long pledgedMinor, long backers,
                       Instant createdAt, Instant closedAt, List<Tier> tiers) {

    Campaign withTiers(List<Tier> list) {
        return new Campaign(id, title, story, goalMinor, currency, deadline, mode, status, creditAccount, pledgedMinor, backers,
                createdAt, closedAt, list);
    }

    /** Raised as a share of the goal, in whole percent (may pass 100). */
    public int percent() {
        return (int) Math.min(999, pledgedMinor * 100 / goalMinor);
    }
}
