package microfactory.designs.bom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The lines, every problem by line, and how the file's own columns were read ("'QTY' as quantity"), for a person to check. */
    public record Read(List<BomLine> lines, List<BomProblem> problems, List<String> mapped) {

        public Read(List<BomLine> lines, List<BomProblem> problems) {
            this(lines, problems, List.of());
        }
    }

    /** Our names for a BOM's columns, each with the names files really use, most specific first. */
    private static final Map<String, List<String>> ALIASES = aliases();

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("part", List.of("part", "name", "item", "part name", "item name", "component", "designation", "description", "part description"));
        a.put("quantity", List.of("quantity", "qty", "units", "count", "amount", "pcs", "quantity per", "number"));
        a.put("unit", List.of("unit", "uom", "unit of measure"));
        a.put("level", List.of("level", "lvl"));
        a.put("parent", List.of("parent", "assembly"));
        a.put("kind", List.of("type", "kind"));
        a.put("price", List.of("unit price", "price", "unit cost", "price per unit", "cost"));
        a.put("currency", List.of("currency"));
        a.put("supplier", List.of("supplier", "source", "vendor", "seller", "shop"));
        a.put("manufacturer", List.of("manufacturer", "part manufacturer", "mfr", "maker", "brand"));
        a.put("code", List.of("part code", "part number", "part no", "mpn", "manufacturer part number", "order code", "article number", "sku",
                "reference", "ref"));
        a.put("material_class", List.of("material class", "material"));
        a.put("material_quantity", List.of("material quantity"));
        a.put("material_unit", List.of("material unit"));
        a.put("material_code", List.of("material code", "stock code"));
        a.put("process", List.of("process"));
        a.put("machine", List.of("machine"));
        return a;
    }

    /** The columns our own bundles write: reading them needs no word to the person importing. */
    private static final Set<String> OURS = Set.of("level", "parent", "part", "quantity", "unit", "type", "unit price", "currency", "supplier",
            "material class", "material quantity", "material unit", "process", "machine", "material code");

    /** Where each of our columns is, and the currency a header names for the prices ("Unit price (EUR)", "Price [€]"). */
    private record Columns(Map<String, Integer> at, String currency, List<String> mapped) {
    }

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)\\s*[(\\[]\\s*([^)\\]]+?)\\s*[)\\]]$");
    private static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR", "₦", "NGN", "$", "USD");

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
        List<String> header = headerRecord.fields();
        Columns columns = columns(header);
        Map<String, Integer> col = columns.at();
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
            String currency = get(f, col, "currency").toUpperCase(Locale.ROOT);
            String priceText = get(f, col, "price");
            if (currency.isEmpty()) {
                currency = columns.currency() != null ? columns.currency() : symbolOf(priceText);
            }
            if (!currency.isEmpty() && !isCurrency(currency)) {
                problems.add(new BomProblem(file, lineNo, "the currency '" + currency + "' is not a code such as USD"));
                continue;
            }
            Long price = null;
            if (!priceText.isEmpty()) {
                BigDecimal p = Decimals.parse(priceText.replaceAll("[$€£¥₹₦]", "").replaceAll("(?i)\\s*[A-Z]{3}$", ""), separator);
                if (p == null || p.signum() < 0) {
                    problems.add(new BomProblem(file, lineNo, "the unit price '" + priceText + "' is not an amount such as 12.50"));
                    continue;
                }
                // minor units in the currency's own exponent: cents for USD, none for JPY, thousandths for BHD
                int digits = Currency.getInstance(currency.isEmpty() ? "USD" : currency).getDefaultFractionDigits();
                if (digits == 0 && priceText.strip().matches("\\d{1,3}([.,]\\d{3})+")) {
                    p = new BigDecimal(priceText.strip().replaceAll("[.,]", "")); // 1.250 yen is a thousand and more: yen have no fraction
                }
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
                    currency.isEmpty() ? (price == null ? null : "USD") : currency, supplier(f, col),
                    materialClass.isEmpty() ? null : materialClass, materialQuantity, materialUnit, get(f, col, "process"),
                    get(f, col, "machine"), get(f, col, "material_code").isEmpty() ? null : get(f, col, "material_code")));
        }
        return new Read(lines, problems, columns.mapped());
    }

    /** Who to buy a part from: the supplier, and the maker and part code when the file gives them (what one orders by). */
    private static String supplier(List<String> f, Map<String, Integer> col) {
        String made = String.join(" ", List.of(get(f, col, "manufacturer"), get(f, col, "code")).stream().filter(x -> !x.isEmpty()).toList());
        String supplier = get(f, col, "supplier");
        return supplier.isEmpty() ? made : made.isEmpty() ? supplier : supplier + " (" + made + ")";
    }

    /** The currency a price is written in by its symbol (€12,50; 12.50 £), or none. */
    private static String symbolOf(String price) {
        for (var e : SYMBOLS.entrySet()) {
            if (!e.getKey().equals("$") && price.contains(e.getKey())) {
                return e.getValue();
            }
        }
        String code = price.replaceAll("(?i)^.*?\\s*([A-Z]{3})$", "$1");
        return !code.equals(price) && isCurrency(code.toUpperCase(Locale.ROOT)) ? code.toUpperCase(Locale.ROOT) : "";
    }

    private static Columns columns(List<String> written) {
        List<String> header = new ArrayList<>();
        String currency = null;
        for (String h : written) {
            String name = h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[_\\s]+", " ").replaceAll("[.:]+$", "");
            Matcher m = BRACKETED.matcher(name);
            if (m.matches()) {
                String inside = m.group(2).strip().toUpperCase(Locale.ROOT);
                String code = SYMBOLS.getOrDefault(inside, isCurrency(inside) ? inside : null);
                if (code != null) {
                    currency = currency == null ? code : currency;
                    name = m.group(1).strip();
                }
            }
            header.add(name);
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        List<String> mapped = new ArrayList<>();
        ALIASES.forEach((key, names) -> {
            for (String n : names) {
                int i = header.indexOf(n);
                if (i >= 0 && !at.containsValue(i)) {
                    at.put(key, i);
                    if (!OURS.contains(n)) {
                        mapped.add("'" + written.get(i).replace("\uFEFF", "").strip() + "' as " + key.replace('_', ' '));
                    }
                    break;
                }
            }
        });
        for (int i = 0; i < written.size(); i++) {
            if (!at.containsValue(i) && !written.get(i).isBlank()) {
                mapped.add("'" + written.get(i).replace("\uFEFF", "").strip() + "' not used");
            }
        }
        if (currency != null) {
            mapped.add("prices in " + currency + ", as the header says");
        }
        return new Columns(at, currency, mapped);
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
