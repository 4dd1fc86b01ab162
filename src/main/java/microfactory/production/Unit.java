package microfactory.production;

import java.time.Instant;
import java.util.List;

/**
 * A built unit: its serial number, its builders by pseudonym, its public record on the ledger, what it was worth when
 * built, and in the showroom its asking price ({@code offerPriceMinor}, null when not offered) until it is sold;
 * {@code upgradedTo}: the design version it was upgraded to (null: as built).
 */
public record Unit(long id, long runId, int unit, String serial, List<String> builders, Long ownerId, Instant completedAt,
                   long ledgerIndex, Long valueMinor, Long offerPriceMinor, Instant soldAt, boolean soldToVisitor, String upgradedTo) {

    public boolean onOffer() {
        return offerPriceMinor != null && soldAt == null;
    }
}
