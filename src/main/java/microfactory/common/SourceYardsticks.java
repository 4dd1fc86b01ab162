package microfactory.common;

/**
 * The source text's yardsticks, in US dollar cents, shown beside a chapter's real figures when it keeps its books in
 * dollars and has set no target of its own: $20,000 of value a day (paying $5M back in 250 days) and $50,000 of value
 * per member-year.
 */
public final class SourceYardsticks {

    public static final String CURRENCY = "USD";
    public static final long VALUE_PER_DAY_MINOR = 2_000_000;
    public static final long VALUE_PER_MEMBER_YEAR_MINOR = 5_000_000;

    private SourceYardsticks() {
    }
}
