package microfactory.equipment;

import java.time.Instant;

/** A fault reported on a machine (by pseudonym); blocking ones stop it until a steward resolves them. */
public record Fault(long id, String machine, String reportedBy, String summary, boolean blocking, Instant reportedAt,
                   Instant resolvedAt, String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
