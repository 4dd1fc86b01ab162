package microfactory.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's account with the chapter: every invoice and payment, what is owed (and how much of it is overdue), the
 * credit from payments no invoice has taken, and — on a value-share plan — the share accruing this month, billed when
 * the month ends.
 */
public record Statement(String member, String currency, LocalDate asOf, List<StatementLine> invoices, List<Payment> payments,
                        long owedMinor, long overdueMinor, long creditMinor, Accruing accruing, boolean lapsed) {

    /** This month's value so far and the share it will bill (value-share plans only). */
    public record Accruing(LocalDate from, LocalDate to, long valueMinor, int shareBasisPoints, long shareMinor) {
    }
}
