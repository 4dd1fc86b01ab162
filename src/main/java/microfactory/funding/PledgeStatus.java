package microfactory.funding;

/** A pledge is held (a pending transfer) while its campaign is open, then posted or voided; or withdrawn by its backer. */
public enum PledgeStatus {
    HELD, POSTED, VOIDED, WITHDRAWN
}
