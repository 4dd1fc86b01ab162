package microfactory.ledger;

/** Where a transfer stands: posted for good, pending (holding amounts until posted, voided or expired). */
public enum TransferStatus {
    PENDING, POSTED, VOIDED, EXPIRED;

    public String label() {
        return name().toLowerCase();
    }
}
