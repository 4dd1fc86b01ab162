package microfactory.designs;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a design: its BOM and build tasks hang off it. {@code referencePriceMinor} is what one unit built from
 * it is worth in the chapter's currency (null until priced): the value a build produces. {@code serviceMonths}: how often
 * its units want service. A version that makes a material ("materials production": bar from scrap, filament, blocks)
 * names {@code outputMaterial} (a stock material's code) and what one unit of a build yields of it. A version taken from
 * another chapter's improvement names its {@code provenance}: the chapter, its version and the git commit.
 */
public record DesignVersion(long id, long designId, String label, String notes, Instant createdAt, Long referencePriceMinor,
                            Integer serviceMonths, String outputMaterial, BigDecimal outputQuantity, String provenance) {

    /** Whether a build of this version makes a material (lots into stock) rather than serial-numbered units. */
    public boolean makesMaterial() {
        return outputMaterial != null;
    }
}
