package microfactory.materials;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A material the chapter stocks, counted in {@code unit} (a symbol such as kg, m, pcs); below {@code reorderPoint} it
 * is flagged for buying; {@code standardCostMinor} per unit in {@code currency}. {@code recycled}: stock made from the
 * chapter's own scrap and end-of-life units.
 */
public record Material(@JsonIgnore long id, String code, String name, MaterialClass materialClass, String unit, BigDecimal reorderPoint,
                       Long standardCostMinor, String currency, boolean recycled) {
}
