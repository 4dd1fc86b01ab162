package microfactory.chapter;

import microfactory.common.Money;

/**
 * The source's rough economics, as the chapter's targets: 1,000 members × $5,000 fund the $5M start-up;
 * at $20,000 of production a day it pays back in 250 days; 12 bays × one weekend a month = 144 cars a year.
 */
public record SourceEconomics(long members, Money duesPerMember, Money productionPerDay, int bays,
                              int buildsPerBayPerYear) {

    public static final SourceEconomics SOURCE =
            new SourceEconomics(1_000, Money.of(500_000, "USD"), Money.of(2_000_000, "USD"), 12, 12);

    public Money startUpCapital() {
        return Money.of(members * duesPerMember.minor(), duesPerMember.currency());
    }

    /** Whole days of production to earn back the start-up capital, rounded up. */
    public long paybackDays() {
        long capital = startUpCapital().minor();
        return (capital + productionPerDay.minor() - 1) / productionPerDay.minor();
    }

    public int unitsPerYear() {
        return bays * buildsPerBayPerYear;
    }
}
