package microfactory.ledger;

/** What a transfer does: moves amounts now (posted) or holds them (pending), or settles a pending one (post, void). */
public enum TransferKind {
    POSTED, PENDING, POST, VOID;

    public boolean settles() {
        return this == POST || this == VOID;
    }
}
