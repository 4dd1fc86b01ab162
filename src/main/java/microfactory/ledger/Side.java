package microfactory.ledger;

/** Which column of the account a posting goes to. */
public enum Side {
    DEBIT, CREDIT
}
