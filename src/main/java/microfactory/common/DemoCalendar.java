package microfactory.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When the demo chapter's story happened, relative to the day it is loaded, so every feature's demo dates agree: the
 * founding campaign ran for two months and closed as the chapter was founded, two years ago.
 */
public final class DemoCalendar {

    private DemoCalendar() {
    }

    /** The day the chapter was founded: the first of the month two years ago. */
    public static LocalDate founded(LocalDate today) {
        return today.minusYears(2).withDayOfMonth(1);
    }

    /** The founding campaign opened two months before the founding … */
    public static LocalDate foundingCampaignOpened(LocalDate today) {
        return founded(today).minusMonths(2);
    }

    /** … and closed, funded, the day before. */
    public static LocalDate foundingCampaignClosed(LocalDate today) {
        return founded(today).minusDays(1);
    }

    /** The day the {@code k}-th of {@code count} founding backers pledged: most early, as campaigns go, the rest over two months. */
    public static LocalDate foundingPledgeDay(int k, int count, LocalDate today) {
        LocalDate opened = foundingCampaignOpened(today);
        long days = ChronoUnit.DAYS.between(opened, foundingCampaignClosed(today));
        double share = (double) k / count;
        return opened.plusDays(Math.round(days * Math.sqrt(share)));
    }
}
