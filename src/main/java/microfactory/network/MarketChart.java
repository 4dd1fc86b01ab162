package microfactory.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The market model drawn: years across, yearly units up on a log scale (the network grows by a factor a year, so its curve
 * is a straight line), the network's lifetime-weighted output against each incumbent's production and half the market.
 */
public record MarketChart(int width, int height, int left, int bottom, String networkPoints, List<Level> levels, List<Tick> years,
                          List<Tick> units) {

    /** A horizontal line: an incumbent, or half the market. */
    public record Level(String label, int y) {
    }

    /** An axis mark at a position, with its label. */
    public record Tick(int at, String label) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    static final int LEFT = 70;
    static final int RIGHT = 150;
    static final int TOP = 16;
    static final int BOTTOM = 36;

    public static MarketChart of(MarketSubstitution.Result r) {
        double max = r.market();
        double min = Double.MAX_VALUE;
        for (MarketSubstitution.Year y : r.curve()) {
            max = Math.max(max, y.output());
            min = Math.min(min, y.output());
        }
        for (MarketSubstitution.Against a : r.incumbents()) {
            max = Math.max(max, a.yearlyUnits());
            min = Math.min(min, a.yearlyUnits());
        }
        double lo = Math.floor(Math.log10(Math.max(1, min)));
        double hi = Math.ceil(Math.log10(Math.max(10, max)));
        if (hi <= lo) {
            hi = lo + 1;
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int lastYear = r.curve().get(r.curve().size() - 1).year();
        double lo10 = lo;
        double span = hi - lo;
        DoubleUnaryOperator y = v -> TOP + plotH - (Math.log10(Math.max(1, v)) - lo10) / span * plotH;
        IntUnaryOperator x = year -> LEFT + (int) Math.round((double) year / Math.max(1, lastYear) * plotW);
        StringBuilder points = new StringBuilder();
        for (MarketSubstitution.Year p : r.curve()) {
            points.append(String.format(Locale.ROOT, "%d,%.1f ", x.applyAsInt(p.year()), y.applyAsDouble(p.output())));
        }
        List<Level> levels = new ArrayList<>();
        for (MarketSubstitution.Against a : r.incumbents()) {
            levels.add(new Level(a.name() + " " + compact(a.yearlyUnits()), (int) Math.round(y.applyAsDouble(a.yearlyUnits()))));
        }
        if (r.market() > 0) {
            levels.add(new Level("half the market " + compact(r.market() / 2), (int) Math.round(y.applyAsDouble(r.market() / 2))));
        }
        List<Tick> years = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(lastYear / 10.0));
        for (int year = 0; year <= lastYear; year += step) {
            years.add(new Tick(x.applyAsInt(year), "year " + year));
        }
        List<Tick> units = new ArrayList<>();
        for (int e = (int) lo; e <= (int) hi; e++) {
            units.add(new Tick((int) Math.round(y.applyAsDouble(Math.pow(10, e))), compact(Math.pow(10, e))));
        }
        return new MarketChart(WIDTH, HEIGHT, LEFT, TOP + plotH, points.toString().strip(), levels, years, units);
    }

    /** 1,200 as 1.2k, 10,000,000 as 10M: axis labels that fit. */
    static String compact(double v) {
        if (v >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (v >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (v >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
