package microfactory.ledger;

/** A stored posting. */
public record Posting(String account, Side side, long amount, String currency) {
}
