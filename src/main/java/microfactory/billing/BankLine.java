package microfactory.billing;

import java.time.LocalDate;

/**
 * One line of a bank statement: booked on a day, an amount in minor units (positive: money in), the remittance text
 * the payer wrote, and who paid. {@code lineNo} is where it starts in the file (for messages); {@code bankRef} is the
 * bank's own id for it when the format has one (camt.053 AcctSvcrRef), which makes importing the same file twice safe.
 */
public record BankLine(int lineNo, LocalDate bookedOn, long amountMinor, String currency, String reference, String counterparty,
                       String bankRef) {
}
