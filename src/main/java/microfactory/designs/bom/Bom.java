package microfactory.designs.bom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A multi-level bill of materials: assemblies hold parts and other assemblies. An assembly may be used
 * in several places (a diamond, as in the OKH-LOSH dummies); a cycle is refused. Explodes to flat totals,
 * rolls costs up per currency and totals materials by class.
 */
public final class Bom {

    /** A node of the tree as the design page and {@code design inspect} show it. */
    public record Node(String part, BigDecimal quantity, String unit, List<Node> children) {
    }

    /** A part's exploded total over every path from the top. */
    public record Total(String part, BigDecimal quantity, String unit) {
    }

    private final String root;
    private final Map<String, List<BomLine>> children = new LinkedHashMap<>();
    private final Map<String, BomLine> definition = new HashMap<>(); // the line that gives a part its price and material

    private Bom(String root, List<BomLine> lines) {
        this.root = root;
        for (BomLine l : lines) {
            children.computeIfAbsent(l.parent() == null ? root : l.parent(), k -> new ArrayList<>()).add(l);
            BomLine known = definition.get(l.part());
            if (known == null || known.unitPriceMinor() == null && l.unitPriceMinor() != null) {
                definition.put(l.part(), l);
            }
        }
    }

    /** Builds the BOM, or returns the problems: a cycle names the lines that close it. */
    public static Bom of(String file, String root, List<BomLine> lines, List<BomProblem> problems) {
        Bom bom = new Bom(root, lines);
        bom.findCycles(file, problems);
        return bom;
    }

    public String root() {
        return root;
    }

    private void findCycles(String file, List<BomProblem> problems) {
        Map<String, Integer> state = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (String assembly : children.keySet()) {
            visit(assembly, state, new ArrayList<>(), file, problems, reported);
        }
    }

    private void visit(String part, Map<String, Integer> state, List<BomLine> path, String file, List<BomProblem> problems,
                       Set<String> reported) {
        Integer s = state.get(part);
        if (s != null && s == 2) {
            return;
        }
        state.put(part, 1);
        for (BomLine l : children.getOrDefault(part, List.of())) {
            Integer childState = state.get(l.part());
            if (childState != null && childState == 1) {
                if (reported.add(l.part() + "<" + part)) {
                    problems.add(new BomProblem(file, l.line(), "'" + l.part() + "' contains itself (through '" + part
                            + "'): a BOM cannot be a cycle"));
                }
                continue;
            }
            path.add(l);
            visit(l.part(), state, path, file, problems, reported);
            path.remove(path.size() - 1);
        }
        state.put(part, 2);
    }

    /** The tree from the top, each assembly expanded where it is used (depth-limited for display). */
    public Node tree(int maxDepth) {
        return node(root, BigDecimal.ONE, "pcs", 0, maxDepth);
    }

    private Node node(String part, BigDecimal quantity, String unit, int depth, int maxDepth) {
        List<Node> kids = new ArrayList<>();
        if (depth < maxDepth) {
            for (BomLine l : children.getOrDefault(part, List.of())) {
                kids.add(node(l.part(), l.quantity(), l.unit().symbol(), depth + 1, maxDepth));
            }
        }
        return new Node(part, quantity, unit, kids);
    }

    /**
     * Flat quantities of every leaf part (parts that are not assemblies) for one unit of the top, summed
     * over every path. Each assembly is exploded once and reused, so shared sub-assemblies cost nothing extra.
     */
    public List<Total> flat() {
        Map<String, Map<String, BigDecimal>> memo = new HashMap<>();
        Map<String, BigDecimal> totals = explode(root, memo);
        List<Total> out = new ArrayList<>();
        totals.forEach((part, q) -> out.add(new Total(part, q.stripTrailingZeros(), unitOf(part))));
        return out;
    }

    private Map<String, BigDecimal> explode(String assembly, Map<String, Map<String, BigDecimal>> memo) {
        Map<String, BigDecimal> done = memo.get(assembly);
        if (done != null) {
            return done;
        }
        memo.put(assembly, Collections.emptyMap()); // a cycle (already reported) contributes nothing
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (BomLine l : children.getOrDefault(assembly, List.of())) {
            if (children.containsKey(l.part())) {
                explode(l.part(), memo).forEach((part, q) -> totals.merge(part, q.multiply(l.quantity()), BigDecimal::add));
            } else {
                totals.merge(l.part(), l.quantity(), BigDecimal::add);
            }
        }
        memo.put(assembly, totals);
        return totals;
    }

    private String unitOf(String part) {
        BomLine l = definition.get(part);
        return l == null ? "pcs" : l.unit().symbol();
    }

    /** The cost of one unit of the top per currency, in minor units, from the priced leaf parts. */
    public Map<String, Long> cost() {
        Map<String, BigDecimal> sum = new TreeMap<>();
        for (Total t : flat()) {
            BomLine l = definition.get(t.part());
            if (l != null && l.unitPriceMinor() != null) {
                sum.merge(l.currency() == null ? "USD" : l.currency(), t.quantity().multiply(BigDecimal.valueOf(l.unitPriceMinor())),
                        BigDecimal::add);
            }
        }
        Map<String, Long> out = new TreeMap<>();
        sum.forEach((c, v) -> out.put(c, v.setScale(0, RoundingMode.HALF_EVEN).longValueExact()));
        return out;
    }

    /** Material totals per class (steel kg, lumber bf, concrete m³ …), in the class's base unit. */
    public Map<String, BigDecimal> materials() {
        Map<String, BigDecimal> sum = new TreeMap<>();
        for (Total t : flat()) {
            BomLine l = definition.get(t.part());
            if (l != null && l.materialClass() != null && l.materialQuantity() != null) {
                Unit u = l.materialUnit() == null ? Unit.of("kg").orElseThrow() : l.materialUnit();
                sum.merge(l.materialClass() + " (" + u.baseSymbol() + ")",
                        t.quantity().multiply(l.materialQuantity()).multiply(u.toBase()), BigDecimal::add);
            }
        }
        sum.replaceAll((k, v) -> v.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros());
        return sum;
    }

    /**
     * What one unit of the top draws from stock: a made part's material (its class, the code if the line names one, the
     * amount per part × parts) and a bought part the line links to a stock material by code (its quantity). Parts
     * neither made from a material nor linked are not stocked.
     */
    public record StockNeed(String part, String materialCode, String materialClass, BigDecimal quantity, Unit unit) {
    }

    public List<StockNeed> stockNeeds() {
        List<StockNeed> needs = new ArrayList<>();
        for (Total t : flat()) {
            BomLine l = definition.get(t.part());
            if (l == null) {
                continue;
            }
            if (l.materialClass() != null && l.materialQuantity() != null) {
                needs.add(new StockNeed(t.part(), l.materialCode(), l.materialClass(), t.quantity().multiply(l.materialQuantity()),
                        l.materialUnit() == null ? Unit.of("kg").orElseThrow() : l.materialUnit()));
            } else if (l.materialCode() != null) {
                needs.add(new StockNeed(t.part(), l.materialCode(), null, t.quantity(), l.unit()));
            }
        }
        return needs;
    }

    /** Every line, in the order read. */
    public List<BomLine> lines() {
        return children.values().stream().flatMap(List::stream).sorted(Comparator.comparingInt(BomLine::line)).toList();
    }
}
