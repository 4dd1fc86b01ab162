package microfactory.designs.bom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import microfactory.common.CsvRecords;

/**
 * Reads CSV bills of materials (through jackson-dataformat-csv), comma, semicolon or tab separated, by their header;
 * in a semicolon- or tab-separated file a decimal comma (12,50) is a decimal. Structure comes from a
 * {@code level} column (1 = under the top, 2 = under the last level-1 line …) or a {@code parent} column;
 * without either, every line is under the top. Reads our own export and OKH-LOSH sBoMs
 * ({@code POS NAME UNITS TYPE REFERENCE}, where UNITS is the count). Every problem names its line.
 */
public final class CsvBomReader {

    private CsvBomReader() {
    }

    public record Read(List<BomLine> lines, List<BomProblem> problems) {
    }

    public static Read read(String file, String text) {
        List<BomProblem> problems = new ArrayList<>();
        List<BomLine> lines = new ArrayList<>();
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
        if (firstLine == null) {
            problems.add(new BomProblem(file, 0, "the file is empty; a BOM starts with a header line such as level,part,quantity,unit"));
            return new Read(lines, problems);
        }
        char separator = CsvRecords.separatorOf(firstLine);
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.read(text, separator).stream().filter(r -> !r.blank()).toList();
        } catch (IllegalArgumentException e) {
            problems.add(new BomProblem(file, 0, e.getMessage()));
            return new Read(lines, problems);
        }
        CsvRecords.Record headerRecord = records.get(0);
        List<String> header = headerRecord.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = columns(header);
        if (!col.containsKey("part")) {
            problems.add(new BomProblem(file, headerRecord.line(), "no part column: name one of part, name, item (header: " + header + ")"));
            return new Read(lines, problems);
        }
        if (!col.containsKey("quantity")) {
            problems.add(new BomProblem(file, headerRecord.line(), "no quantity column: name one of quantity, qty, units, count"));
            return new Read(lines, problems);
        }
        List<String> stack = new ArrayList<>(); // the open assembly at each level
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            int lineNo = record.line();
            List<String> f = record.fields();
            String part = get(f, col, "part");
            if (part.isEmpty()) {
                problems.add(new BomProblem(file, lineNo, "the part name is empty"));
                continue;
            }
            BigDecimal quantity = Decimals.parse(get(f, col, "quantity"), separator);
            if (quantity == null) {
                problems.add(new BomProblem(file, lineNo, "the quantity '" + get(f, col, "quantity") + "' is not a number"));
                continue;
            }
            if (quantity.signum() <= 0) {
                problems.add(new BomProblem(file, lineNo, "the quantity " + quantity.toPlainString() + " must be above zero"));
                continue;
            }
            String unitText = get(f, col, "unit");
            Unit unit = Unit.of(unitText).orElse(null);
            if (unit == null) {
                problems.add(new BomProblem(file, lineNo, "unknown unit '" + unitText + "'; use " + Unit.allowed()));
                continue;
            }
            String parent = get(f, col, "parent");
            String levelText = get(f, col, "level");
            if (!levelText.isEmpty()) {
                int level;
                try {
                    level = Integer.parseInt(levelText.strip());
                } catch (NumberFormatException e) {
                    problems.add(new BomProblem(file, lineNo, "the level '" + levelText + "' is not a whole number"));
                    continue;
                }
                if (level < 1 || level > stack.size() + 1) {
                    problems.add(new BomProblem(file, lineNo, "level " + level + " cannot follow level " + stack.size()
                            + "; a line goes at most one level deeper than the line before"));
                    continue;
                }
                while (stack.size() >= level) {
                    stack.remove(stack.size() - 1);
                }
                parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                stack.add(part);
            }
            PartKind kind = PartKind.of(get(f, col, "kind")).orElse(null);
            String kindText = get(f, col, "kind");
            if (kind == null && !kindText.isEmpty()) {
                problems.add(new BomProblem(file, lineNo, "unknown type '" + kindText + "'; use assembly, bought, made or standard"));
                continue;
            }
            String currency = get(f, col, "currency");
            if (!currency.isEmpty() && !isCurrency(currency)) {
                problems.add(new BomProblem(file, lineNo, "the currency '" + currency + "' is not a code such as USD"));
                continue;
            }
            Long price = null;
            String priceText = get(f, col, "price");
            if (!priceText.isEmpty()) {
                BigDecimal p = Decimals.parse(priceText.replace("$", "").replace("€", "").replace("£", ""), separator);
                if (p == null || p.signum() < 0) {
                    problems.add(new BomProblem(file, lineNo, "the unit price '" + priceText + "' is not an amount such as 12.50"));
                    continue;
                }
                // minor units in the currency's own exponent: cents for USD, none for JPY, thousandths for BHD
                int digits = Currency.getInstance(currency.isEmpty() ? "USD" : currency).getDefaultFractionDigits();
                price = p.movePointRight(Math.max(0, digits)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            }
            BigDecimal materialQuantity = null;
            Unit materialUnit = null;
            String materialClass = get(f, col, "material_class");
            if (!materialClass.isEmpty()) {
                materialQuantity = Decimals.parse(get(f, col, "material_quantity"), separator);
                materialUnit = Unit.of(get(f, col, "material_unit")).orElse(null);
                if (materialQuantity == null || materialQuantity.signum() < 0 || materialUnit == null) {
                    problems.add(new BomProblem(file, lineNo, "a material needs a non-negative material_quantity and a known material_unit"));
                    continue;
                }
            }
            lines.add(new BomLine(lineNo, parent == null || parent.isEmpty() ? null : parent, part, quantity, unit, kind, price,
                    currency.isEmpty() ? (price == null ? null : "USD") : currency, get(f, col, "supplier"),
                    materialClass.isEmpty() ? null : materialClass, materialQuantity, materialUnit, get(f, col, "process"),
                    get(f, col, "machine"), get(f, col, "material_code").isEmpty() ? null : get(f, col, "material_code")));
        }
        return new Read(lines, problems);
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, List<String>> aliases = Map.ofEntries(
                Map.entry("part", List.of("part", "name", "item", "part name")),
                Map.entry("quantity", List.of("quantity", "qty", "units", "count")),
                Map.entry("unit", List.of("unit", "uom")),
                Map.entry("level", List.of("level", "lvl")),
                Map.entry("parent", List.of("parent", "assembly")),
                Map.entry("kind", List.of("type", "kind")),
                Map.entry("price", List.of("unit_price", "unit price", "price")),
                Map.entry("currency", List.of("currency")),
                Map.entry("supplier", List.of("supplier", "source", "vendor")),
                Map.entry("material_class", List.of("material_class", "material class", "material")),
                Map.entry("material_quantity", List.of("material_quantity", "material quantity")),
                Map.entry("material_unit", List.of("material_unit", "material unit")),
                Map.entry("material_code", List.of("material_code", "material code", "stock_code", "stock code")),
                Map.entry("process", List.of("process")),
                Map.entry("machine", List.of("machine")));
        Map<String, Integer> col = new HashMap<>();
        aliases.forEach((key, names) -> {
            for (String n : names) {
                int at = header.indexOf(n);
                if (at >= 0) {
                    col.put(key, at);
                    break;
                }
            }
        });
        return col;
    }

    private static String get(List<String> f, Map<String, Integer> col, String key) {
        Integer at = col.get(key);
        return at == null || at >= f.size() ? "" : f.get(at).strip();
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
