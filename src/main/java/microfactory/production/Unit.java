package microfactory.production;

import java.time.Instant;
import java.util.List;

/** A built unit: its serial number, its builders by pseudonym, and its public record on the ledger. */
public record Unit(long id, long runId, int unit, String serial, List<String> builders, Long ownerId, Instant completedAt,
                   long ledgerIndex) {
}
