package microfactory.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import microfactory.designs.bom.Unit;

/**
 * The flows of material by mass as a Sankey diagram: where it came from (left), each material (middle), where it went
 * (right), every band as wide as the kilograms it carries. A dashed line from scrap back to recycled stock shows the
 * loop closing. Materials counted in pieces or lengths are left out of the picture (they are in the API's flows).
 */
public record FlowsDiagram(List<Node> nodes, List<Band> bands, Loop loop, int width, int height, BigDecimal kilograms) {

    static final int WIDTH = 720;
    static final int HEIGHT = 380;
    private static final int NODE = 14;
    private static final int GAP = 16;
    private static final int MIN_NODE = 8;
    private static final int TOP = 24;

    public record Node(String name, int column, double x, double y, double height, BigDecimal kilograms, String css) {
        /** Where the label goes: right of the node, or left of it in the last column. */
        public double labelX() {
            return column == 2 ? x - 4 : x + NODE + 4;
        }

        public String anchor() {
            return column == 2 ? "end" : "start";
        }

        public String label() {
            return name + " " + kilograms.setScale(0, RoundingMode.HALF_EVEN).toPlainString() + " kg";
        }
    }

    public record Band(String path, String css, String title) {
    }

    public record Loop(String path) {
    }

    static FlowsDiagram of(List<MaterialFlows.Link> links, List<Material> catalogue) {
        Map<String, Material> byCode = new LinkedHashMap<>();
        catalogue.forEach(m -> byCode.put(m.code(), m));
        List<double[]> kg = new ArrayList<>();
        List<MaterialFlows.Link> mass = new ArrayList<>();
        for (MaterialFlows.Link l : links) {
            Unit u = Unit.of(l.unit()).orElse(null);
            if (u != null && u.dimension().equals("mass")) {
                mass.add(l);
                kg.add(new double[] {l.quantity().multiply(u.toBase()).doubleValue()});
            }
        }
        Map<String, Integer> column = new LinkedHashMap<>();
        Map<String, double[]> flow = new LinkedHashMap<>(); // in, out
        for (int k = 0; k < mass.size(); k++) {
            MaterialFlows.Link l = mass.get(k);
            boolean fromMaterial = byCode.containsKey(l.source());
            column.putIfAbsent(l.source(), fromMaterial ? 1 : 0);
            column.putIfAbsent(l.target(), fromMaterial ? 2 : 1);
            flow.computeIfAbsent(l.source(), x -> new double[2])[1] += kg.get(k)[0];
            flow.computeIfAbsent(l.target(), x -> new double[2])[0] += kg.get(k)[0];
        }
        double[] columnTotal = new double[3];
        int[] columnCount = new int[3];
        column.forEach((name, c) -> {
            columnTotal[c] += Math.max(flow.get(name)[0], flow.get(name)[1]);
            columnCount[c]++;
        });
        double most = Math.max(1e-9, Math.max(columnTotal[0], Math.max(columnTotal[1], columnTotal[2])));
        int maxCount = Math.max(columnCount[0], Math.max(columnCount[1], columnCount[2]));
        double scale = (HEIGHT - TOP - 40 - GAP * Math.max(0, maxCount - 1) - MIN_NODE * maxCount) / most;
        double[] columnX = {150, (WIDTH - NODE) / 2.0, WIDTH - 170};
        double[] nextY = {TOP, TOP, TOP};
        Map<String, Node> nodes = new LinkedHashMap<>();
        // Biggest first in each column, recycled and scrap last: the loop between them runs along the bottom.
        List<String> order = new ArrayList<>(column.keySet());
        order.sort(Comparator.comparing((String name) -> css(name, byCode).equals("recycled") || css(name, byCode).equals("scrap"))
                .thenComparing(name -> -Math.max(flow.get(name)[0], flow.get(name)[1])));
        for (String name : order) {
            int c = column.get(name);
            double value = Math.max(flow.get(name)[0], flow.get(name)[1]);
            double h = MIN_NODE + value * scale;
            nodes.put(name, new Node(name, c, columnX[c], nextY[c], h, BigDecimal.valueOf(value), css(name, byCode)));
            nextY[c] += h + GAP;
        }
        Map<String, Double> outY = new LinkedHashMap<>();
        Map<String, Double> inY = new LinkedHashMap<>();
        nodes.values().forEach(n -> {
            outY.put(n.name(), n.y());
            inY.put(n.name(), n.y());
        });
        List<Band> bands = new ArrayList<>();
        for (int k = 0; k < mass.size(); k++) {
            MaterialFlows.Link l = mass.get(k);
            Node s = nodes.get(l.source());
            Node t = nodes.get(l.target());
            double h = Math.max(1.5, kg.get(k)[0] * scale);
            double y0 = outY.get(s.name());
            double y1 = inY.get(t.name());
            outY.put(s.name(), y0 + h);
            inY.put(t.name(), y1 + h);
            double x0 = s.x() + NODE;
            double x1 = t.x();
            double xm = (x0 + x1) / 2;
            String path = String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f L%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f Z",
                    x0, y0, xm, y0, xm, y1, x1, y1, x1, y1 + h, xm, y1 + h, xm, y0 + h, x0, y0 + h);
            bands.add(new Band(path, css(l.source(), byCode).equals("recycled") || css(l.target(), byCode).equals("recycled") ? "recycled"
                    : css(l.source(), byCode), l.source() + " → " + l.target() + ": " + String.format(Locale.ROOT, "%.1f kg", kg.get(k)[0])));
        }
        Loop loop = null;
        Node scrap = nodes.get(MaterialFlows.SCRAP);
        Node recycled = nodes.get(MaterialFlows.RECYCLED);
        if (scrap != null && recycled != null) {
            double y = HEIGHT - 12;
            double sx = scrap.x() + NODE / 2.0;
            double rx = recycled.x() + NODE / 2.0;
            loop = new Loop(String.format(Locale.ROOT, "M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f L%.1f,%.1f", sx, scrap.y() + scrap.height(), sx, y,
                    rx, y, rx, recycled.y() + recycled.height()));
        }
        double total = kg.stream().mapToDouble(a -> a[0]).sum();
        return new FlowsDiagram(new ArrayList<>(nodes.values()), bands, loop, WIDTH, HEIGHT, BigDecimal.valueOf(total));
    }

    private static String css(String name, Map<String, Material> byCode) {
        Material m = byCode.get(name);
        if (m != null) {
            return m.recycled() ? "recycled" : "material";
        }
        return switch (name) {
            case MaterialFlows.RECYCLED, MaterialFlows.END_OF_LIFE -> "recycled";
            case MaterialFlows.SCRAP -> "scrap";
            case MaterialFlows.BOUGHT -> "bought";
            default -> "use";
        };
    }

    public int nodeWidth() {
        return NODE;
    }
}
