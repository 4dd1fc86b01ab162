package microfactory.designs.bom;

import java.math.BigDecimal;

/**
 * One line of a bill of materials: {@code quantity} of {@code part} in {@code unit} go into {@code parent}
 * (null: the top of the design). Bought and made parts may carry a unit price in minor units; a made
 * part may carry its material (class, and amount per part in the material's unit). {@code materialCode} names the
 * stock material the line draws on (the made part's material, or the bought part itself); null: by class, or none.
 */
public record BomLine(int line, String parent, String part, BigDecimal quantity, Unit unit, PartKind kind,
                      Long unitPriceMinor, String currency, String supplier, String materialClass,
                      BigDecimal materialQuantity, Unit materialUnit, String process, String machine, String materialCode) {
}
