package microfactory.ledger;

import microfactory.common.Money;

/**
 * A chapter account with its running totals in minor units. Flags are enforced on every transfer:
 * with {@code debitsMustNotExceedCredits} the account can never be overdrawn, pending amounts included.
 */
public record Account(long id, String code, String name, AccountType type, String currency,
                      boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits,
                      long debitsPending, long debitsPosted, long creditsPending, long creditsPosted,
                      long entryIndex) {

    /** The posted balance on the account's normal side: what a bank statement would show. */
    public Money balance() {
        long b = type.debitNormal() ? debitsPosted - creditsPosted : creditsPosted - debitsPosted;
        return Money.of(b, currency);
    }

    /** Amounts promised but not yet posted (e.g. pledges of an open campaign), on the normal side. */
    public Money pending() {
        long p = type.debitNormal() ? debitsPending - creditsPending : creditsPending - debitsPending;
        return Money.of(p, currency);
    }

    /** Why the account's flags are broken by these totals, or null when they hold. */
    static String flagViolation(Account a, long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {
        if (a.debitsMustNotExceedCredits() && debitsPending + debitsPosted > creditsPosted) {
            return "account '" + a.code() + "' would be overdrawn: debits " + Money.of(debitsPending + debitsPosted, a.currency())
                    + " would exceed credits " + Money.of(creditsPosted, a.currency());
        }
        if (a.creditsMustNotExceedDebits() && creditsPending + creditsPosted > debitsPosted) {
            return "account '" + a.code() + "' would go below zero: credits " + Money.of(creditsPending + creditsPosted, a.currency())
                    + " would exceed debits " + Money.of(debitsPosted, a.currency());
        }
        return null;
    }
}
