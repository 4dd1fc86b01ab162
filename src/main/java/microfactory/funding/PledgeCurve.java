package microfactory.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import microfactory.common.Money;

/**
 * The money pledged day by day, added up, against the goal: a line people can read, with dates along the bottom and
 * amounts up the side. Counts pledges that stand (held or taken); withdrawn and released ones are left out.
 */
public record PledgeCurve(String points, double goalY, List<Tick> xTicks, List<Tick> yTicks, double width, double height)
        implements ChartFrame {

    // Sized for a phone's width (the chart is drawn at most 560 px wide), so its labels stay readable there.
    static final double WIDTH = 360;
    static final double HEIGHT = 170;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    static PledgeCurve of(Campaign c, List<Pledge> pledges, ZoneId zone, Instant now) {
        LocalDate first = c.createdAt().atZone(zone).toLocalDate();
        Instant until = c.closedAt() != null ? c.closedAt() : now.isBefore(c.deadline()) ? now : c.deadline();
        LocalDate last = until.atZone(zone).toLocalDate();
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
        TreeMap<Long, Long> byDay = new TreeMap<>();
        long total = 0;
        for (Pledge p : pledges) {
            if (p.status() == PledgeStatus.HELD || p.status() == PledgeStatus.POSTED) {
                long day = Math.max(0, ChronoUnit.DAYS.between(first, p.createdAt().atZone(zone).toLocalDate()));
                byDay.merge(day, p.amountMinor(), Long::sum);
                total += p.amountMinor();
            }
        }
        double top = Math.max(c.goalMinor(), total) * 1.08;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder points = new StringBuilder();
        long sum = 0;
        points.append(fmt(LEFT)).append(',').append(fmt(HEIGHT - BOTTOM));
        for (long d = 0; d < days; d++) {
            sum += byDay.getOrDefault(d, 0L);
            double x = LEFT + plotW * (d + 1) / days;
            double y = HEIGHT - BOTTOM - plotH * sum / top;
            points.append(' ').append(fmt(x)).append(',').append(fmt(y));
        }
        List<Tick> xTicks = new ArrayList<>();
        long step = Math.max(1, (days + 4) / 5);
        for (long d = 0; d < days; d += step) {
            xTicks.add(new Tick(LEFT + plotW * d / days, DAY.format(first.plusDays(d))));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int k = 0; k <= 2; k++) {
            long amount = c.goalMinor() * k / 2;
            yTicks.add(new Tick(HEIGHT - BOTTOM - plotH * amount / top, Money.of(amount, c.currency()).toString()
                    .replace(" " + c.currency(), "")));
        }
        return new PledgeCurve(points.toString(), HEIGHT - BOTTOM - plotH * c.goalMinor() / top, xTicks, yTicks, WIDTH, HEIGHT);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
