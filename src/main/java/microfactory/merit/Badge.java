package microfactory.merit;

import java.time.Instant;

/** Merit: a skill at a level, held by a member, valid until it expires or is revoked; {@code ledgerIndex} is its public record. */
public record Badge(long id, long memberId, String skill, int level, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                    String revokeReason, String source, long ledgerIndex) {

    public boolean validAt(Instant when) {
        return revokedAt == null && when.isBefore(expiresAt);
    }
}
