package microfactory.billing;

import java.time.LocalDate;

/** Money a member paid; {@code unappliedMinor} is what no invoice has taken yet: the member's credit, never lost. */
public record Payment(long id, long memberId, long amountMinor, String currency, PaymentMethod method, String reference,
                      LocalDate receivedOn, long unappliedMinor) {
}
