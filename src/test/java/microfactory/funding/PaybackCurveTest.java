package microfactory.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import microfactory.ledger.report.Economics;

/** The payback curve spans the chapter's life and the baseline's payback, with labels that fit a phone. */
class PaybackCurveTest {

    static Economics economics(long capital, long value, List<Economics.Month> months) {
        return new Economics("USD", Instant.parse("2026-06-30T12:00:00Z"), 10, LocalDate.parse("2026-01-01"), 181, capital, 0, 1, 1,
                value, 0, 0, List.of(), List.of(), value / 181, null, null, 1.0, value, months);
    }

    @Test
    void theBaselineCrossesTheCapitalLineInsideTheChartAndTheActualLineFollowsTheMonths() {
        var months = List.of(new Economics.Month("2026-01", capital(), 0, 0, 0, Map.of(), Map.of(), capital(), 0),
                new Economics.Month("2026-06", 0, 100_000_000, 0, 0, Map.of(), Map.of(), capital(), 100_000_000));
        PaybackCurve c = PaybackCurve.of(economics(capital(), 100_000_000, months), 2_000_000);
        // 250 days of $20,000 reach $5M: the chart runs at least that long (with room), so the crossing is inside.
        String[] baseline = c.baseline().split(" ");
        double crossX = Double.parseDouble(baseline[1].split(",")[0]);
        assertThat(crossX).isLessThanOrEqualTo(c.right());
        assertThat(c.actual().split(" ")).hasSize(3);
        assertThat(c.yTicks()).extracting(PaybackCurve.Tick::label).contains("$0", "$5M", "$2.5M");
        assertThat(PaybackCurve.compact(25_000_000, "USD")).isEqualTo("$250k");
        assertThat(PaybackCurve.compact(150_000, "JPY")).isEqualTo("¥150k");
        assertThat(PaybackCurve.of(economics(0, 0, List.of()), 0).baseline()).isEmpty();
    }

    private static long capital() {
        return 500_000_000;
    }
}
