package microfactory.ledger;

import java.time.Instant;
import java.util.List;

/** A recorded transfer and where it sits in the log. */
public record Transfer(String id, String code, String memo, String member, TransferKind kind, String pendingId,
                       TransferStatus status, Instant expiresAt, long entryIndex, Instant createdAt, List<Posting> postings) {
}
