package microfactory.billing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One bill for one membership period. {@code reference()} ("MF-000042") is what a member writes on a bank transfer,
 * so the bank statement import can match the payment to it.
 */
public record Invoice(long id, long memberId, long membershipId, InvoiceKind kind, LocalDate periodStart, LocalDate periodEnd,
                      String description, long amountMinor, String currency, LocalDate issuedOn, LocalDate dueOn,
                      long paidMinor, Instant remindedAt) {

    public String reference() {
        return reference(id);
    }

    static String reference(long id) {
        return String.format("MF-%06d", id);
    }

    public long owedMinor() {
        return amountMinor - paidMinor;
    }

    public InvoiceStatus status(LocalDate today) {
        if (owedMinor() == 0) {
            return InvoiceStatus.PAID;
        }
        return today.isAfter(dueOn) ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
    }
}
