package microfactory.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;

/**
 * The market model's inputs: what the person asking set, else what the network measured (chapters counted, units a build
 * makes, from the verified ledgers), else the source's figures (10,000 chapters, 12 bays each building once a month, a
 * lifetime-design unit counting as 10, Tesla 0.5M, Ford 1.7M and Toyota 10M cars a year). Each input says which it is.
 */
@Service
public class MarketModel {

    static final String SOURCE = "the source";
    static final Map<String, Double> CARS = incumbentsOfCars();
    private final NetworkSummaries summaries;

    MarketModel(NetworkSummaries summaries) {
        this.summaries = summaries;
    }

    private static Map<String, Double> incumbentsOfCars() {
        Map<String, Double> cars = new LinkedHashMap<>();
        cars.put("Tesla", 500_000.0);
        cars.put("Ford", 1_700_000.0);
        cars.put("Toyota", 10_000_000.0);
        return cars;
    }

    /** The model for a product, with the given assumptions (null: measured or the source's); refused naming each bad one. */
    public MarketSubstitution.Result model(String product, Map<String, String> given, String incumbentsText, String marketText) {
        String what = product == null || product.isBlank() ? "cars" : product.strip().toLowerCase();
        NetworkSummaries.NetworkSummary measured = summaries.summary();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, MarketSubstitution.Input> inputs = new LinkedHashMap<>();
        double unitsPerBuild = measured.builds() > 0 ? (double) measured.units() / measured.builds() : 1;
        put(inputs, problems, given, "chapters", 10_000, SOURCE + ": \"the nominal 10k facilities worldwide\"");
        put(inputs, problems, given, "startChapters", measured.chaptersCounted(), "measured: chapters whose ledgers verified");
        put(inputs, problems, given, "bays", 12, SOURCE + ": \"about 12 bays\"");
        put(inputs, problems, given, "buildsPerBayPerMonth", 1, SOURCE + ": \"12 cars over a weekend … once a month\"");
        put(inputs, problems, given, "unitsPerBuild", Math.round(unitsPerBuild * 100) / 100.0, measured.builds() > 0
                ? "measured: " + measured.units() + " units in " + measured.builds() + (measured.builds() == 1 ? " build" : " builds")
                : "assumed: nothing built yet");
        put(inputs, problems, given, "lifetimeMultiplier", 10, SOURCE + ": lifetime design cars \"count as 10x the quantity\"");
        put(inputs, problems, given, "growth", 0.5, "assumed: chapters grow by half a year");
        Map<String, Double> incumbents = incumbents(what, incumbentsText, problems);
        Double market = null;
        if (marketText != null && !marketText.isBlank()) {
            market = number(marketText, "market", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return MarketSubstitution.compute(what, inputs, incumbents, market);
    }

    private static void put(Map<String, MarketSubstitution.Input> inputs, List<FieldProblem> problems, Map<String, String> given, String name,
                            double otherwise, String from) {
        String text = given.get(name);
        if (text == null || text.isBlank()) {
            inputs.put(name, new MarketSubstitution.Input(name, otherwise, from));
            return;
        }
        Double v = number(text, name, problems);
        if (v != null && name.equals("growth") && v > 10) {
            problems.add(new FieldProblem(name, "a growth rate is a fraction a year, e.g. 0.5 for 50 %"));
        }
        inputs.put(name, new MarketSubstitution.Input(name, v == null ? otherwise : v, "given"));
    }

    private static Double number(String text, String field, List<FieldProblem> problems) {
        try {
            double v = Double.parseDouble(text.strip().replace("_", ""));
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                problems.add(new FieldProblem(field, "a number of zero or more"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text.strip() + "' is not a number"));
            return null;
        }
    }

    /** "Tesla:500000,Ford:1700000", or the source's car makers for cars; another product needs its incumbents given. */
    private static Map<String, Double> incumbents(String product, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (product.equals("cars")) {
                return CARS;
            }
            problems.add(new FieldProblem("incumbents", "for " + product + ", name the incumbents and their yearly units, e.g. Deere:60000,Kubota:180000"));
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.split(":");
            if (kv.length != 2 || kv[0].isBlank()) {
                problems.add(new FieldProblem("incumbents", "each reads name:units a year, e.g. Ford:1700000 ('" + pair.strip() + "')"));
                continue;
            }
            Double v = number(kv[1], "incumbents", problems);
            if (v != null) {
                out.put(kv[0].strip(), v);
            }
        }
        return out;
    }
}
