package microfactory.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distributed market substitution, the source's arithmetic made explicit: a chapter's yearly output is its bays × builds a
 * bay makes a month × 12 × units a build makes, and a lifetime-design unit counts as {@code lifetimeMultiplier} units of
 * the throw-away kind ("these count as 10x the quantity, effectively"). The network's output is that times the chapters;
 * against each incumbent's yearly production it gives the chapters needed to match it, and at a yearly growth rate of
 * chapters, the years until the network makes more than half the market. Pure: every input is an assumption or a measured
 * figure the caller names.
 */
public final class MarketSubstitution {

    /** What the model takes: each a number and where it came from (the source, a measured figure, or the person asking). */
    public record Input(String name, double value, String from) {
    }

    /** An incumbent and its yearly production, with the chapters needed to match it and the network's share of it. */
    public record Against(String name, double yearlyUnits, long chaptersToMatch, double networkShare) {
    }

    /** One year of the growth curve: chapters and the network's yearly output, lifetime-weighted. */
    public record Year(int year, double chapters, double output) {
    }

    public record Result(String product, List<Input> inputs, double unitsPerChapterYear, double effectivePerChapterYear, double networkOutput,
                         List<Against> incumbents, double market, Double yearsToMajority, List<Year> curve) {
    }

    private MarketSubstitution() {
    }

    /**
     * @param inputs chapters, bays, buildsPerBayPerMonth, unitsPerBuild, lifetimeMultiplier, growth (a fraction a year),
     *               startChapters (the chapters there are now) — each with where it came from
     * @param incumbents name → yearly units
     * @param market the yearly market a majority is measured against (the incumbents' sum unless given)
     */
    public static Result compute(String product, Map<String, Input> inputs, Map<String, Double> incumbents, Double market) {
        double chapters = inputs.get("chapters").value();
        double perChapter = inputs.get("bays").value() * inputs.get("buildsPerBayPerMonth").value() * 12 * inputs.get("unitsPerBuild").value();
        double effective = perChapter * inputs.get("lifetimeMultiplier").value();
        double output = chapters * effective;
        List<Against> against = new ArrayList<>();
        incumbents.forEach((name, units) -> against.add(new Against(name, units, effective <= 0 ? -1 : (long) Math.ceil(units / effective),
                units <= 0 ? 0 : output / units)));
        double total = market != null ? market : incumbents.values().stream().mapToDouble(Double::doubleValue).sum();
        double start = Math.max(1, inputs.get("startChapters").value());
        double growth = inputs.get("growth").value();
        Double years = null;
        double needed = total / 2 / Math.max(effective, 1e-9);
        if (effective > 0 && total > 0) {
            if (start * effective > total / 2) {
                years = 0.0;
            } else if (growth > 0) {
                years = Math.log(needed / start) / Math.log(1 + growth);
            }
        }
        int horizon = years == null ? 30 : (int) Math.min(60, Math.max(5, Math.ceil(years) + 3));
        List<Year> curve = new ArrayList<>();
        for (int y = 0; y <= horizon; y++) {
            double c = start * Math.pow(1 + growth, y);
            curve.add(new Year(y, c, c * effective));
        }
        return new Result(product, List.copyOf(new LinkedHashMap<>(inputs).values()), perChapter, effective, output, against, total, years, curve);
    }
}
