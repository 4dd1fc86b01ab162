package microfactory.ledger;

import microfactory.common.Money;

/** Posted debits and credits of all accounts in one currency: equal when the books balance. */
public record TrialBalance(String currency, Money debits, Money credits) {

    public boolean balanced() {
        return debits.minor() == credits.minor();
    }
}
