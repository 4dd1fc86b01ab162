package microfactory.designs.bom;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A unit of measure a BOM may use, with its class and its factor to the class's base unit. */
public record Unit(String symbol, String dimension, BigDecimal toBase) {

    private static final Map<String, Unit> KNOWN = new LinkedHashMap<>();

    static {
        count("pcs", "pc", "ea", "each", "piece", "pieces", "x", "unit", "units", "set", "sets", "pair", "pairs", "sheet", "sheets", "kit");
        add("mm", "length", "0.001");
        add("cm", "length", "0.01");
        add("m", "length", "1", "meter", "meters", "metre", "metres");
        add("in", "length", "0.0254", "inch", "inches", "\"");
        add("ft", "length", "0.3048", "foot", "feet", "'");
        add("g", "mass", "0.001");
        add("kg", "mass", "1");
        add("lb", "mass", "0.45359237", "lbs");
        add("t", "mass", "1000", "tonne");
        add("l", "volume", "0.001", "liter", "litre", "liters", "litres");
        add("m3", "volume", "1", "m³", "cubic-meter");
        add("yd3", "volume", "0.764554857984", "cubic-yard");
        add("m2", "area", "1", "m²");
        add("ft2", "area", "0.09290304", "sf", "sqft");
        add("bf", "lumber", "1", "board-feet", "board-foot", "fbm");
    }

    private static void count(String... symbols) {
        for (String s : symbols) {
            KNOWN.put(s, new Unit(symbols[0], "count", BigDecimal.ONE));
        }
    }

    private static void add(String symbol, String dimension, String factor, String... aliases) {
        Unit u = new Unit(symbol, dimension, new BigDecimal(factor));
        KNOWN.put(symbol, u);
        for (String a : aliases) {
            KNOWN.put(a, u);
        }
    }

    public static Optional<Unit> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(KNOWN.get("pcs"));
        }
        return Optional.ofNullable(KNOWN.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    /** The symbol of this unit's dimension's base unit: what {@link #toBase()} converts to (kg, m, m3, m2, bf, pcs). */
    public String baseSymbol() {
        return switch (dimension) {
            case "length" -> "m";
            case "mass" -> "kg";
            case "volume" -> "m3";
            case "area" -> "m2";
            case "lumber" -> "bf";
            default -> "pcs";
        };
    }

    /** For error messages: what is allowed. */
    public static String allowed() {
        return "pcs, mm, cm, m, in, ft, g, kg, lb, t, l, m3, yd3, m2, ft2, bf (board feet) and their common spellings";
    }
}
