package microfactory.billing;

/** What an invoice bills: a flat plan's annual dues, or a value-share plan's share of the value a member generated. */
public enum InvoiceKind {
    DUES("dues-income", "dues"),
    VALUE_SHARE("value-share-income", "value-share");

    private final String incomeAccount;
    private final String code;

    InvoiceKind(String incomeAccount, String code) {
        this.incomeAccount = incomeAccount;
        this.code = code;
    }

    /** The ledger's income account the invoice credits. */
    public String incomeAccount() {
        return incomeAccount;
    }

    /** The ledger transfer code. */
    public String code() {
        return code;
    }
}
