package microfactory.materials;

import java.math.BigDecimal;

/**
 * A stock move as a client sends it: the material's code, the kind, a quantity and its unit (the material's unit, or
 * one of the same dimension: lb for kg), the location (default "store"), and as the kind needs: a receipt's total cost
 * in minor units and the account it was paid from, the run or unit serial, recycled stock's input material and quantity.
 */
public record MoveRequest(String material, String kind, BigDecimal quantity, String unit, String location, Long costMinor,
                          String paidFrom, Long run, String unitSerial, String inputMaterial, BigDecimal inputQuantity, String note) {
}
