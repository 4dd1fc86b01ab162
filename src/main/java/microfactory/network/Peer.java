package microfactory.network;

import java.time.Instant;

/**
 * A chapter this chapter follows: its address, name and origin, the keys pinned when it was followed (its ledger's, and its
 * witness's when it offers one), the last checkpoint verified and when, and the last of its checkpoints this chapter cosigned.
 */
public record Peer(long id, String url, String name, String origin, String ledgerKey, String witnessKey, PeerStatus status,
                   String reason, Instant checkedAt, Long verifiedSize, String verifiedRoot, long witnessedSize, String witnessedRoot,
                   Instant witnessedAt, Instant followedAt) {
}
