package microfactory.merit;

import java.time.Instant;

/** A badge as the public sees it: the holder by pseudonym, and where it sits on the ledger. */
public record IssuedBadge(long id, String holder, String skill, int level, Instant issuedAt, Instant expiresAt, boolean revoked,
                          long ledgerIndex) {
}
