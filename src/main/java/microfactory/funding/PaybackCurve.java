package microfactory.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import microfactory.common.Money;
import microfactory.ledger.report.Economics;

/**
 * The payback curve: value produced, added up month by month, against the capital raised, next to a baseline that
 * produces the target value every day from the chapter's first day (the source's $20,000 a day pays $5M back in 250
 * days). Dates along the bottom, amounts up the side. The chart spans the chapter's life, or the baseline's payback
 * when that is later, so the baseline always crosses the capital line inside it.
 */
public record PaybackCurve(String actual, String baseline, double capitalY, List<Tick> xTicks, List<Tick> yTicks,
                           double width, double height, Money perDayTarget) implements ChartFrame {

    static final double WIDTH = 560;
    static final double HEIGHT = 220;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** The curve of {@code e} (null for an empty ledger); {@code perDayTargetMinor} is the baseline's value a day, 0 for none. */
    static PaybackCurve of(Economics e, long perDayTargetMinor) {
        if (e.since() == null) {
            return null; // an empty ledger: nothing to draw
        }
        LocalDate start = e.since();
        LocalDate today = e.asOf() == null ? start : e.asOf().atZone(ZoneOffset.UTC).toLocalDate();
        long baselineDays = e.capitalRaisedMinor() > 0 && perDayTargetMinor > 0
                ? (e.capitalRaisedMinor() + perDayTargetMinor - 1) / perDayTargetMinor : 0;
        long span = Math.max(Math.max(1, ChronoUnit.DAYS.between(start, today)), (long) Math.ceil(baselineDays * 1.1));
        double top = Math.max(1, Math.max(e.capitalRaisedMinor(), e.valueProducedMinor())) * 1.1;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        Scale scale = new Scale(start, span, plotW, plotH, top);

        StringBuilder actual = new StringBuilder(scale.point(start, 0));
        for (Economics.Month m : e.months()) {
            LocalDate end = YearMonth.parse(m.month()).atEndOfMonth();
            actual.append(' ').append(scale.point(end.isAfter(today) ? today : end, m.valueToDateMinor()));
        }
        long baselineEndDays = Math.min(span, baselineDays == 0 ? span : (long) Math.ceil(top / perDayTargetMinor));
        String baseline = perDayTargetMinor <= 0 ? ""
                : scale.point(start, 0) + " " + scale.point(start.plusDays(baselineEndDays), Math.min(top, (double) perDayTargetMinor * baselineEndDays));

        List<Tick> xTicks = new ArrayList<>();
        int step = (int) Math.max(1, Math.ceil(span / 30.0 / 5));
        for (YearMonth ym = YearMonth.from(start).plusMonths(1); !ym.atDay(1).isAfter(start.plusDays(span)); ym = ym.plusMonths(step)) {
            xTicks.add(new Tick(scale.x(ym.atDay(1)), MONTH.format(ym)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            long amount = Math.round(top / 1.1 * k / 4);
            yTicks.add(new Tick(scale.y(amount), compact(amount, e.currency())));
        }
        return new PaybackCurve(actual.toString(), baseline, scale.y(e.capitalRaisedMinor()), xTicks, yTicks, WIDTH, HEIGHT,
                Money.of(perDayTargetMinor, e.currency()));
    }

    /** An axis label short enough for a phone: "$5M", "$3.75M", "$250k", "$900". */
    static String compact(long minor, String currency) {
        Currency c = Currency.getInstance(currency);
        double major = minor / Math.pow(10, Math.max(0, c.getDefaultFractionDigits()));
        String symbol = c.getSymbol(Locale.US);
        if (Math.abs(major) >= 1_000_000) {
            return symbol + trim(major / 1_000_000) + "M";
        }
        if (Math.abs(major) >= 1_000) {
            return symbol + trim(major / 1_000) + "k";
        }
        return symbol + trim(major);
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private record Scale(LocalDate start, long span, double plotW, double plotH, double top) {

        double x(LocalDate day) {
            return LEFT + plotW * ChronoUnit.DAYS.between(start, day) / span;
        }

        double y(double amount) {
            return HEIGHT - BOTTOM - plotH * amount / top;
        }

        String point(LocalDate day, double amount) {
            return String.format(Locale.ROOT, "%.1f,%.1f", x(day), y(amount));
        }
    }
}
