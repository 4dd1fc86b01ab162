package microfactory.designs.bom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CSV bills of materials, comma, semicolon or tab separated, by their header. Structure comes from a
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
        String[] rows = text.split("\r?\n", -1);
        int headerAt = 0;
        while (headerAt < rows.length && rows[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == rows.length) {
            problems.add(new BomProblem(file, 0, "the file is empty; a BOM starts with a header line such as level,part,quantity,unit"));
            return new Read(lines, problems);
        }
        char separator = separator(rows[headerAt]);
        List<String> header = fields(rows[headerAt], separator).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = columns(header);
        if (!col.containsKey("part")) {
            problems.add(new BomProblem(file, headerAt + 1, "no part column: name one of part, name, item (header: " + header + ")"));
            return new Read(lines, problems);
        }
        if (!col.containsKey("quantity")) {
            problems.add(new BomProblem(file, headerAt + 1, "no quantity column: name one of quantity, qty, units, count"));
            return new Read(lines, problems);
        }
        List<String> stack = new ArrayList<>(); // the open assembly at each level
        for (int r = headerAt + 1; r < rows.length; r++) {
            int lineNo = r + 1;
            if (rows[r].isBlank()) {
                continue;
            }
            List<String> f = fields(rows[r], separator);
            String part = get(f, col, "part");
            if (part.isEmpty()) {
                problems.add(new BomProblem(file, lineNo, "the part name is empty"));
                continue;
            }
            BigDecimal quantity = decimal(get(f, col, "quantity"));
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
            Long price = null;
            String priceText = get(f, col, "price");
            if (!priceText.isEmpty()) {
                BigDecimal p = decimal(priceText.replace("$", "").replace("€", "").replace(",", ""));
                if (p == null || p.signum() < 0) {
                    problems.add(new BomProblem(file, lineNo, "the unit price '" + priceText + "' is not an amount such as 12.50"));
                    continue;
                }
                price = p.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            }
            String currency = get(f, col, "currency");
            if (!currency.isEmpty() && !currency.matches("[A-Z]{3}")) {
                problems.add(new BomProblem(file, lineNo, "the currency '" + currency + "' is not a code such as USD"));
                continue;
            }
            BigDecimal materialQuantity = null;
            Unit materialUnit = null;
            String materialClass = get(f, col, "material_class");
            if (!materialClass.isEmpty()) {
                materialQuantity = decimal(get(f, col, "material_quantity"));
                materialUnit = Unit.of(get(f, col, "material_unit")).orElse(null);
                if (materialQuantity == null || materialQuantity.signum() < 0 || materialUnit == null) {
                    problems.add(new BomProblem(file, lineNo, "a material needs a non-negative material_quantity and a known material_unit"));
                    continue;
                }
            }
            lines.add(new BomLine(lineNo, parent == null || parent.isEmpty() ? null : parent, part, quantity, unit, kind, price,
                    currency.isEmpty() ? (price == null ? null : "USD") : currency, get(f, col, "supplier"),
                    materialClass.isEmpty() ? null : materialClass, materialQuantity, materialUnit, get(f, col, "process"),
                    get(f, col, "machine")));
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

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static char separator(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** Splits one line; fields may be quoted with "", and "" inside quotes is a quote. */
    public static List<String> fields(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}
