package microfactory.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stock move as recorded: {@code quantity} in the material's unit (a count's is the quantity counted), who made it
 * (pseudonym), the run or unit it went to or came from, a receipt's cost and its ledger transfer, and for recycled
 * stock what went in ({@code inputMaterial}, {@code inputQuantity}) and so the yield.
 */
public record Move(long id, String material, MoveKind kind, BigDecimal quantity, String unit, String location, Instant at, String by,
                   Long run, String unitSerial, Long costMinor, String currency, String inputMaterial, BigDecimal inputQuantity,
                   String note, String ledgerTransfer) {

    /** Output over input for recycled stock and a run's output; null otherwise. */
    @JsonProperty("yield")
    public BigDecimal yield() {
        return inputQuantity == null || inputQuantity.signum() == 0 ? null
                : quantity.divide(inputQuantity, 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
