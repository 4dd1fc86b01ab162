package microfactory.billing;

import java.time.LocalDate;

/** A bank line as imported: the payment it became, or none yet (a steward assigns it). */
public record ImportedLine(long id, String source, int lineNo, LocalDate bookedOn, long amountMinor, String currency, String reference,
                           String counterparty, Long paymentId) {
}
