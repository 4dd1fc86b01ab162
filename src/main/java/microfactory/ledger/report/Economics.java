package microfactory.ledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A chapter's economics as its public ledger shows them, in its main currency (that of the first account opened):
 * the capital raised (posted to equity accounts) and pledges still held, the value of the units produced, income and
 * expenses by account, value per day over the chapter's life, the payback day (reached, or projected at the rate so
 * far), and value per member-year. {@code asOf} is the time of the last entry, so the same log gives the same figures
 * wherever they are computed: by the chapter's server or by anyone from a mirror ({@code ledger report}).
 */
public record Economics(String currency, Instant asOf, long entries, LocalDate since, long days,
                        long capitalRaisedMinor, long pledgesHeldMinor, long unitsProduced, long unitsValued,
                        long valueProducedMinor, long incomeMinor, long expensesMinor, List<Category> income,
                        List<Category> expenses, long valuePerDayMinor, LocalDate paybackReachedOn,
                        LocalDate paybackProjectedOn, double memberYears, Long valuePerMemberYearMinor,
                        List<Month> months) {

    /** One income or expense account and its total. */
    public record Category(String account, String name, long amountMinor) {
    }

    /**
     * One calendar month (by the day the money moved, UTC): capital raised, value produced, income and expenses, and
     * by account; {@code valueToDateMinor} and {@code capitalToDateMinor} are running totals, the payback curve's points.
     */
    public record Month(String month, long capitalRaisedMinor, long valueProducedMinor, long incomeMinor, long expensesMinor,
                        Map<String, Long> income, Map<String, Long> expenses, long capitalToDateMinor, long valueToDateMinor) {
    }
}
