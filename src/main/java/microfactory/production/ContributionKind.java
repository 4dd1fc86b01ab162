package microfactory.production;

/** Where a member's value comes from. */
public enum ContributionKind {
    /** A share of a unit built. */
    UNIT,
    /** A trainee or learner signed off. */
    TEACHING,
    /** Maintenance done on a machine. */
    MAINTENANCE
}
