package microfactory.funding;

import java.time.Instant;

/** A backer's pledge, by pseudonym, with its reward tier (if any) and the ledger transfer that holds it. */
public record Pledge(long id, long campaignId, String backer, long amountMinor, Long tier, PledgeStatus status,
                     String transferId, Instant createdAt) {
}
