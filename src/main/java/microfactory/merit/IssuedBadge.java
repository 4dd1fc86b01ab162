package microfactory.merit;

import java.time.Instant;

/**
 * A badge as the public sees it: its credential ({@code id}, {@code url}), the holder by pseudonym, and where it sits on
 * the ledger. {@code badge} is the chapter's own number for it (stewards revoke by it).
 */
public record IssuedBadge(String id, String url, long badge, String holder, String skill, int level, Instant issuedAt,
                          Instant expiresAt, boolean revoked, long ledgerIndex) {
}
