package microfactory.members;

/** The two ways of paying for a membership that the source describes. */
public enum PlanKind {
    /** A flat amount each year, e.g. $5,000. */
    FLAT_DUES,
    /** A share of the value the member produces, e.g. 10%. */
    VALUE_SHARE
}
