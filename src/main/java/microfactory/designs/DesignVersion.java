package microfactory.designs;

import java.time.Instant;

/** One version of a design: its BOM and build tasks hang off it. */
public record DesignVersion(long id, long designId, String label, String notes, Instant createdAt) {
}
