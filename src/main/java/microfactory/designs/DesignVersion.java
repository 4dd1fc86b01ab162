package microfactory.designs;

import java.time.Instant;

/**
 * One version of a design: its BOM and build tasks hang off it. {@code referencePriceMinor} is what one unit built from
 * it is worth in the chapter's currency (null until priced): the value a build produces.
 */
public record DesignVersion(long id, long designId, String label, String notes, Instant createdAt, Long referencePriceMinor,
                            Integer serviceMonths) {
}
