package microfactory.billing;

/** How a member paid, and the ledger account the money arrived in. */
public enum PaymentMethod {
    CASH("cash", "cash"),
    BANK_TRANSFER("bank", "bank transfer"),
    CARD_TERMINAL("bank", "card terminal"),
    CRYPTOCURRENCY("crypto-wallet", "cryptocurrency");

    private final String account;
    private final String label;

    PaymentMethod(String account, String label) {
        this.account = account;
        this.label = label;
    }

    public String account() {
        return account;
    }

    public String label() {
        return label;
    }
}
