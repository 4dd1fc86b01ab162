package microfactory.designs.bom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown-table BOMs Open Source Ecology publishes: every table with a quantity column
 * becomes the lines of an assembly named by the nearest heading above it. Cells lose their bold, code and
 * link markup; a part name is the part/description/item column, or the cells left of the quantity when
 * there is none; "1 set" is a quantity with its unit; a "$" amount in a unit or price column is the unit
 * price. Total rows are skipped; every other row that cannot be read is named by its line.
 */
public final class MarkdownBomReader {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final Pattern MONEY = Pattern.compile("^\\$\\s*([\\d,]+(?:\\.\\d+)?)");

    private MarkdownBomReader() {
    }

    public static CsvBomReader.Read read(String file, String text) {
        String[] rows = text.split("\r?\n", -1);
        List<BomLine> lines = new ArrayList<>();
        List<BomProblem> problems = new ArrayList<>();
        String heading = null;
        List<String> assemblies = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            String row = rows[r].strip();
            if (row.startsWith("#")) {
                heading = clean(row.replaceAll("^#+", "")).strip();
                continue;
            }
            boolean tableStart = row.startsWith("|") && r + 1 < rows.length && rows[r + 1].strip().matches("\\|?\\s*:?-{2,}.*");
            if (!tableStart) {
                continue;
            }
            List<String> header = cells(row).stream().map(h -> clean(h).toLowerCase(Locale.ROOT)).toList();
            int qty = indexOf(header, "qty", "quantity", "count", "pcs");
            if (qty < 0) {
                r++;
                continue; // not a bill of materials table (a spec table, a legend)
            }
            int part = indexOf(header, "part", "description", "item", "name", "component", "part name");
            int unitColumn = indexOf(header, "unit");
            int price = indexOf(header, "unit price", "price", "unit cost", "cost", "price each");
            int supplier = indexOf(header, "source", "supplier", "vendor");
            String assembly = heading == null || heading.isBlank() ? "table " + (assemblies.size() + 1) : heading;
            if (!assemblies.contains(assembly)) {
                assemblies.add(assembly);
                lines.add(new BomLine(r + 1, null, assembly, BigDecimal.ONE, Unit.of("pcs").orElseThrow(), PartKind.ASSEMBLY,
                        null, null, null, null, null, null, null, null, null));
            }
            r += 2;
            for (; r < rows.length && rows[r].strip().startsWith("|"); r++) {
                int lineNo = r + 1;
                List<String> c = cells(rows[r].strip()).stream().map(MarkdownBomReader::clean).toList();
                if (c.size() != header.size()) {
                    problems.add(new BomProblem(file, lineNo, "the row has " + c.size() + " cells but the table has " + header.size() + " columns"));
                    continue;
                }
                String name = part >= 0 ? c.get(part) : String.join(" ", c.subList(0, qty)).strip();
                if (name.isEmpty() || name.toLowerCase(Locale.ROOT).contains("total")) {
                    continue;
                }
                Matcher m = LEADING_NUMBER.matcher(c.get(qty));
                if (!m.find()) {
                    problems.add(new BomProblem(file, lineNo, "the quantity '" + c.get(qty) + "' of '" + name + "' is not a number"));
                    continue;
                }
                Unit unit = Unit.of(m.group(2)).orElse(null);
                Long unitPrice = null;
                if (unitColumn >= 0) {
                    Matcher money = MONEY.matcher(c.get(unitColumn));
                    if (money.find()) {
                        unitPrice = cents(money.group(1));
                    } else if (unit == null || m.group(2).isEmpty()) {
                        unit = Unit.of(c.get(unitColumn)).orElse(unit);
                    }
                }
                if (price >= 0) {
                    Matcher money = MONEY.matcher(c.get(price));
                    if (money.find()) {
                        unitPrice = cents(money.group(1));
                    }
                }
                if (unit == null) {
                    problems.add(new BomProblem(file, lineNo, "unknown unit '" + m.group(2) + "'; use " + Unit.allowed()));
                    continue;
                }
                BigDecimal quantity = new BigDecimal(m.group(1));
                if (quantity.signum() <= 0) {
                    problems.add(new BomProblem(file, lineNo, "the quantity of '" + name + "' must be above zero"));
                    continue;
                }
                lines.add(new BomLine(lineNo, assembly, name, quantity, unit, unitPrice == null ? null : PartKind.BOUGHT, unitPrice,
                        unitPrice == null ? null : "USD", supplier >= 0 ? c.get(supplier) : null, null, null, null, null, null, null));
            }
            r--;
        }
        if (assemblies.isEmpty()) {
            problems.add(new BomProblem(file, 0, "no table with a quantity column (| Part | Qty | …) was found"));
        }
        return new CsvBomReader.Read(lines, problems);
    }

    /** The document's title: its first top-level heading. */
    public static String title(String text, String fallback) {
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("# ")) {
                return clean(line.substring(2)).strip();
            }
        }
        return fallback;
    }

    private static Long cents(String amount) {
        return new BigDecimal(amount.replace(",", "")).movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static int indexOf(List<String> header, String... names) {
        for (String n : names) {
            int at = header.indexOf(n);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        if (inner.startsWith("|")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            out.add(cell.strip());
        }
        return out;
    }

    static String clean(String cell) {
        return LINK.matcher(cell).replaceAll("$1").replace("**", "").replace("`", "").replace("\\|", "|").strip();
    }
}
