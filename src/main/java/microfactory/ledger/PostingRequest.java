package microfactory.ledger;

/** One line of a transfer: an amount in minor units to one side of one account. */
public record PostingRequest(String account, Side side, Long amount, String currency) {

    public static PostingRequest debit(String account, long amount, String currency) {
        return new PostingRequest(account, Side.DEBIT, amount, currency);
    }

    public static PostingRequest credit(String account, long amount, String currency) {
        return new PostingRequest(account, Side.CREDIT, amount, currency);
    }
}
