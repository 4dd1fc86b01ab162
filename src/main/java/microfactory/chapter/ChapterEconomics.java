package microfactory.chapter;

import com.fasterxml.jackson.annotation.JsonProperty;

import microfactory.common.Money;

/**
 * The chapter's economic targets against its real floor: start-up capital, value produced a day, builds per bay a
 * year, and its bays. Each figure is null until the chapter's targets are set (a new chapter shows "not set yet",
 * never the demo's numbers).
 */
public record ChapterEconomics(Money startUpCapital, Money productionPerDay, Integer buildsPerBayPerYear, long bays) {

    static ChapterEconomics of(Chapter c, long bays) {
        return new ChapterEconomics(c.startUpCapitalMinor() == null ? null : Money.of(c.startUpCapitalMinor(), c.currency()),
                c.productionPerDayMinor() == null ? null : Money.of(c.productionPerDayMinor(), c.currency()),
                c.buildsPerBayPerYear(), bays);
    }

    /** Whole days of production to earn back the start-up capital, rounded up; null when a target is missing. */
    @JsonProperty
    public Long paybackDays() {
        if (startUpCapital == null || productionPerDay == null) {
            return null;
        }
        return (startUpCapital.minor() + productionPerDay.minor() - 1) / productionPerDay.minor();
    }

    /** Units a year at the targeted builds per bay, over the bays the chapter has; null when not set. */
    @JsonProperty
    public Long unitsPerYear() {
        return buildsPerBayPerYear == null ? null : bays * buildsPerBayPerYear;
    }
}
