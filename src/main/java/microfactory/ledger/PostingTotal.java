package microfactory.ledger;

/** One stored posting by account id: what settling or expiring a pending transfer moves. */
record PostingTotal(long accountId, Side side, long amount) {
}
