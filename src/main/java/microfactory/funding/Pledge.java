package microfactory.funding;

import java.time.Instant;

/** A backer's pledge, by pseudonym, with the ledger transfer that holds it. */
public record Pledge(long id, long campaignId, String backer, long amountMinor, PledgeStatus status, String transferId,
                     Instant createdAt) {
}
