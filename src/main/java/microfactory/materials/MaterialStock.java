package microfactory.materials;

import java.math.BigDecimal;
import java.util.Map;

/** A material with its stock: on hand (and by location), held for runs, and what is left to use. */
public record MaterialStock(Material material, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                            Map<String, BigDecimal> locations, boolean belowReorderPoint) {
}
