package microfactory.billing;

import java.time.LocalDate;

/** An invoice as a statement shows it: its reference to pay by, what it bills, what is paid and owed, and its status. */
public record StatementLine(String reference, InvoiceKind kind, LocalDate periodStart, LocalDate periodEnd, String description,
                            long amountMinor, long paidMinor, long owedMinor, LocalDate issuedOn, LocalDate dueOn,
                            InvoiceStatus status) {

    static StatementLine of(Invoice i, LocalDate today) {
        return new StatementLine(i.reference(), i.kind(), i.periodStart(), i.periodEnd(), i.description(), i.amountMinor(),
                i.paidMinor(), i.owedMinor(), i.issuedOn(), i.dueOn(), i.status(today));
    }
}
