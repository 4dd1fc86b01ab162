package microfactory.equipment.jobfiles;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a cutting table cuts from an ASCII DXF drawing: LINE, LWPOLYLINE and POLYLINE (with bulges), CIRCLE, ARC,
 * ELLIPSE, SPLINE (NURBS, or its fit points), and INSERTs of blocks (moved, scaled, turned, nested), in the drawing's
 * units ($INSUNITS; a unitless drawing is taken as mm). Entities mirrored through their extrusion direction (0, 0, -1)
 * are mirrored back. Text, dimensions, hatches and points are not cut and are left out. No Java library that reads
 * DXF is kept up, so this reads the format's group-code pairs as Autodesk's DXF reference describes them.
 */
public final class DxfReader {

    /** How far (mm) the chords of an arc or a curve may stray from it. */
    static final double TOLERANCE = 0.05;
    private static final int MAX_CONTOURS = 100_000;
    private static final int MAX_DEPTH = 8;

    private DxfReader() {
    }

    private record Pair(int code, String value, int line) {
    }

    /** An entity: its type, the line of its "0" code, its pairs, and for a POLYLINE its VERTEX entities. */
    private record Entity(String type, int line, List<Pair> pairs, List<Entity> vertices) {

        double num(int code, double fallback) {
            for (Pair p : pairs) {
                if (p.code() == code) {
                    return number(p);
                }
            }
            return fallback;
        }

        List<Double> nums(int code) {
            List<Double> all = new ArrayList<>();
            for (Pair p : pairs) {
                if (p.code() == code) {
                    all.add(number(p));
                }
            }
            return all;
        }

        String text(int code) {
            return pairs.stream().filter(p -> p.code() == code).map(Pair::value).findFirst().orElse("");
        }

        /** Mirrored in X when its extrusion direction points down (the object coordinate system of 2D entities). */
        boolean mirrored() {
            return num(230, 1) < 0;
        }
    }

    private record Block(double baseX, double baseY, List<Entity> entities) {
    }

    /** The drawing's outlines in mm, in the order they appear (an INSERT's at the INSERT's line). */
    public static List<Contour> read(String text) {
        if (text.startsWith("AutoCAD Binary DXF")) {
            throw new JobFileProblem(1, "this is a binary DXF: save the drawing as an ASCII DXF (R12 or later) and add it again");
        }
        List<Pair> pairs = pairs(text);
        double scale = 1;
        Map<String, Block> blocks = new HashMap<>();
        List<Entity> entities = new ArrayList<>();
        int k = 0;
        while (k < pairs.size()) {
            Pair p = pairs.get(k);
            if (p.code() != 0 || !p.value().equals("SECTION")) {
                k++;
                continue;
            }
            int start = k + 1;
            String name = start < pairs.size() && pairs.get(start).code() == 2 ? pairs.get(start++).value() : "";
            int end = start;
            while (end < pairs.size() && !(pairs.get(end).code() == 0 && pairs.get(end).value().equals("ENDSEC"))) {
                end++;
            }
            List<Pair> body = pairs.subList(start, end);
            switch (name) {
                case "HEADER" -> scale = unitScale(body);
                case "BLOCKS" -> blocks(group(body), blocks);
                case "ENTITIES" -> entities.addAll(group(body));
                default -> { }
            }
            k = end + 1;
        }
        List<Contour> out = new ArrayList<>();
        AffineTransform toMm = AffineTransform.getScaleInstance(scale, scale);
        for (Entity e : entities) {
            contours(e, toMm, blocks, 0, e.line(), out);
        }
        return out;
    }

    /** Group codes and values, line by line; a code that is not a whole number is refused with its line. */
    private static List<Pair> pairs(String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i += 2) {
            String code = lines[i].strip();
            if (code.isEmpty() && lines[i + 1].isBlank()) {
                continue; // blank lines at the end
            }
            try {
                pairs.add(new Pair(Integer.parseInt(code), lines[i + 1].strip(), i + 1));
            } catch (NumberFormatException e) {
                throw new JobFileProblem(i + 1, "expected a DXF group code (a whole number), found \"" + shorten(code) + "\": is it an ASCII DXF?");
            }
            if (pairs.get(pairs.size() - 1).code() == 0 && pairs.get(pairs.size() - 1).value().equals("EOF")) {
                break;
            }
        }
        if (pairs.isEmpty()) {
            throw new JobFileProblem(1, "the file is empty");
        }
        return pairs;
    }

    /** $INSUNITS: 1 inch, 2 foot, 4 mm, 5 cm, 6 m; others and none as mm. */
    private static double unitScale(List<Pair> header) {
        for (int k = 0; k + 1 < header.size(); k++) {
            if (header.get(k).code() == 9 && header.get(k).value().equals("$INSUNITS") && header.get(k + 1).code() == 70) {
                return switch ((int) number(header.get(k + 1))) {
                    case 1 -> 25.4;
                    case 2 -> 304.8;
                    case 5 -> 10;
                    case 6 -> 1000;
                    default -> 1;
                };
            }
        }
        return 1;
    }

    /** Entities from "0" to "0"; a POLYLINE takes the VERTEX entities after it, up to its SEQEND. */
    private static List<Entity> group(List<Pair> body) {
        List<Entity> all = new ArrayList<>();
        Entity current = null;
        for (Pair p : body) {
            if (p.code() == 0) {
                current = new Entity(p.value(), p.line(), new ArrayList<>(), new ArrayList<>());
                all.add(current);
            } else if (current != null) {
                current.pairs().add(p);
            }
        }
        List<Entity> grouped = new ArrayList<>();
        Entity polyline = null;
        for (Entity e : all) {
            if (polyline != null && e.type().equals("VERTEX")) {
                polyline.vertices().add(e);
            } else if (e.type().equals("SEQEND")) {
                polyline = null;
            } else {
                grouped.add(e);
                polyline = e.type().equals("POLYLINE") ? e : null;
            }
        }
        return grouped;
    }

    private static void blocks(List<Entity> entities, Map<String, Block> blocks) {
        Block open = null;
        for (Entity e : entities) {
            if (e.type().equals("BLOCK")) {
                open = new Block(e.num(10, 0), e.num(20, 0), new ArrayList<>());
                blocks.put(e.text(2), open);
            } else if (e.type().equals("ENDBLK")) {
                open = null;
            } else if (open != null) {
                open.entities().add(e);
            }
        }
    }

    private static void contours(Entity e, AffineTransform t, Map<String, Block> blocks, int depth, int line, List<Contour> out) {
        if (out.size() > MAX_CONTOURS) {
            throw new JobFileProblem(line, "more than " + MAX_CONTOURS + " outlines: too many to cut as one job");
        }
        AffineTransform ocs = new AffineTransform(t);
        if (e.mirrored()) {
            ocs.scale(-1, 1);
        }
        List<double[]> points = switch (e.type()) {
            case "LINE" -> List.of(new double[] {e.num(10, 0), e.num(20, 0)}, new double[] {e.num(11, 0), e.num(21, 0)});
            case "CIRCLE" -> arc(e.num(10, 0), e.num(20, 0), radius(e), 0, 2 * Math.PI);
            case "ARC" -> {
                double from = Math.toRadians(e.num(50, 0));
                double sweep = Math.toRadians(e.num(51, 360)) - from;
                while (sweep <= 0) {
                    sweep += 2 * Math.PI;
                }
                yield arc(e.num(10, 0), e.num(20, 0), radius(e), from, sweep);
            }
            case "LWPOLYLINE" -> lwPolyline(e);
            case "POLYLINE" -> polyline(e);
            case "ELLIPSE" -> ellipse(e);
            case "SPLINE" -> spline(e);
            case "INSERT" -> {
                insert(e, t, blocks, depth, line, out);
                yield List.of();
            }
            default -> List.of(); // text, dimensions, hatches, points: nothing to cut
        };
        if (points.size() >= 2) {
            AffineTransform use = e.type().equals("LINE") || e.type().equals("ELLIPSE") || e.type().equals("SPLINE") ? t : ocs;
            List<double[]> placed = new ArrayList<>(points.size());
            for (double[] p : points) {
                Point2D q = use.transform(new Point2D.Double(p[0], p[1]), null);
                placed.add(new double[] {q.getX(), q.getY()});
            }
            out.add(new Contour(line, e.type(), placed));
        }
    }

    private static double radius(Entity e) {
        double r = e.num(40, 0);
        if (!(r > 0)) {
            throw new JobFileProblem(e.line(), "the " + e.type() + " has no radius (group code 40)");
        }
        return r;
    }

    /** A block placed: moved to the insertion point, scaled and turned about its base point. */
    private static void insert(Entity e, AffineTransform t, Map<String, Block> blocks, int depth, int line, List<Contour> out) {
        Block b = blocks.get(e.text(2));
        if (b == null) {
            throw new JobFileProblem(e.line(), "the INSERT places block \"" + shorten(e.text(2)) + "\", which the drawing does not define");
        }
        if (depth >= MAX_DEPTH) {
            throw new JobFileProblem(e.line(), "blocks are nested more than " + MAX_DEPTH + " deep (or place themselves)");
        }
        AffineTransform placed = new AffineTransform(t);
        if (e.mirrored()) {
            placed.scale(-1, 1);
        }
        placed.translate(e.num(10, 0), e.num(20, 0));
        placed.rotate(Math.toRadians(e.num(50, 0)));
        placed.scale(e.num(41, 1), e.num(42, 1));
        placed.translate(-b.baseX(), -b.baseY());
        for (Entity inner : b.entities()) {
            contours(inner, placed, blocks, depth + 1, line, out);
        }
    }

    /** A light-weight polyline: vertices (10, 20) each with an optional bulge (42) for the segment after it; 70 bit 1: closed. */
    private static List<double[]> lwPolyline(Entity e) {
        List<double[]> vertices = new ArrayList<>();
        double[] current = null;
        for (Pair p : e.pairs()) {
            switch (p.code()) {
                case 10 -> {
                    current = new double[] {number(p), 0, 0};
                    vertices.add(current);
                }
                case 20 -> {
                    if (current != null) {
                        current[1] = number(p);
                    }
                }
                case 42 -> {
                    if (current != null) {
                        current[2] = number(p);
                    }
                }
                default -> { }
            }
        }
        return withBulges(vertices, ((int) e.num(70, 0) & 1) == 1);
    }

    private static List<double[]> polyline(Entity e) {
        List<double[]> vertices = new ArrayList<>();
        for (Entity v : e.vertices()) {
            vertices.add(new double[] {v.num(10, 0), v.num(20, 0), v.num(42, 0)});
        }
        return withBulges(vertices, ((int) e.num(70, 0) & 1) == 1);
    }

    /** Vertices joined by straight segments, or by arcs where a bulge (tan of a quarter of the arc's angle) is given. */
    private static List<double[]> withBulges(List<double[]> vertices, boolean closed) {
        List<double[]> points = new ArrayList<>();
        int n = vertices.size();
        if (n == 0) {
            return points;
        }
        points.add(new double[] {vertices.get(0)[0], vertices.get(0)[1]});
        int segments = closed ? n : n - 1;
        for (int k = 0; k < segments; k++) {
            double[] a = vertices.get(k);
            double[] b = vertices.get((k + 1) % n);
            if (Math.abs(a[2]) < 1e-9) {
                points.add(new double[] {b[0], b[1]});
                continue;
            }
            double theta = 4 * Math.atan(a[2]);
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double chord = Math.hypot(dx, dy);
            if (chord < 1e-12) {
                continue;
            }
            double r = chord / (2 * Math.sin(theta / 2));
            double h = r * Math.cos(theta / 2);
            double cx = (a[0] + b[0]) / 2 - dy / chord * h;
            double cy = (a[1] + b[1]) / 2 + dx / chord * h;
            List<double[]> arc = arc(cx, cy, Math.abs(r), Math.atan2(a[1] - cy, a[0] - cx), theta);
            points.addAll(arc.subList(1, arc.size() - 1));
            points.add(new double[] {b[0], b[1]}); // end exactly on the next vertex
        }
        return points;
    }

    /** An ELLIPSE: centre (10, 20), major axis end relative to it (11, 21), minor/major ratio (40), parameters (41, 42). */
    private static List<double[]> ellipse(Entity e) {
        double cx = e.num(10, 0);
        double cy = e.num(20, 0);
        double mx = e.num(11, 0);
        double my = e.num(21, 0);
        double ratio = e.num(40, 1);
        double from = e.num(41, 0);
        double sweep = e.num(42, 2 * Math.PI) - from;
        while (sweep <= 0) {
            sweep += 2 * Math.PI;
        }
        double major = Math.hypot(mx, my);
        int n = segments(major, sweep);
        List<double[]> points = new ArrayList<>(n + 1);
        for (int k = 0; k <= n; k++) {
            double u = from + sweep * k / n;
            points.add(new double[] {cx + mx * Math.cos(u) - my * ratio * Math.sin(u), cy + my * Math.cos(u) + mx * ratio * Math.sin(u)});
        }
        return points;
    }

    /**
     * A SPLINE as its NURBS curve (degree 71, knots 40, control points 10/20, weights 41), sampled; where the knots do not
     * fit the control points, through its fit points (11/21) instead.
     */
    private static List<double[]> spline(Entity e) {
        int degree = (int) e.num(71, 3);
        List<Double> knots = e.nums(40);
        List<Double> xs = e.nums(10);
        List<Double> ys = e.nums(20);
        List<Double> weights = e.nums(41);
        int n = Math.min(xs.size(), ys.size());
        if (n > degree && degree >= 1 && knots.size() == n + degree + 1) {
            double[][] control = new double[n][3];
            for (int k = 0; k < n; k++) {
                double w = weights.size() == n ? weights.get(k) : 1;
                control[k] = new double[] {xs.get(k) * w, ys.get(k) * w, w};
            }
            double[] u = knots.stream().mapToDouble(Double::doubleValue).toArray();
            double lo = u[degree];
            double hi = u[n];
            int samples = Math.min(4000, Math.max(16, n * 12));
            List<double[]> points = new ArrayList<>(samples + 1);
            for (int k = 0; k <= samples; k++) {
                points.add(deBoor(degree, u, control, lo + (hi - lo) * k / samples));
            }
            return points;
        }
        List<Double> fx = e.nums(11);
        List<Double> fy = e.nums(21);
        if (Math.min(fx.size(), fy.size()) >= 2) {
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < Math.min(fx.size(), fy.size()); k++) {
                points.add(new double[] {fx.get(k), fy.get(k)});
            }
            return points;
        }
        throw new JobFileProblem(e.line(), "the SPLINE has neither knots that fit its control points nor fit points");
    }

    /** A point of a rational B-spline by de Boor's algorithm (control points in homogeneous form x·w, y·w, w). */
    private static double[] deBoor(int p, double[] knots, double[][] control, double u) {
        int n = control.length;
        int s = p;
        while (s < n - 1 && u >= knots[s + 1]) {
            s++;
        }
        double[][] d = new double[p + 1][];
        for (int j = 0; j <= p; j++) {
            d[j] = control[j + s - p].clone();
        }
        for (int r = 1; r <= p; r++) {
            for (int j = p; j >= r; j--) {
                double span = knots[j + 1 + s - r] - knots[j + s - p];
                double alpha = span == 0 ? 0 : (u - knots[j + s - p]) / span;
                for (int c = 0; c < 3; c++) {
                    d[j][c] = (1 - alpha) * d[j - 1][c] + alpha * d[j][c];
                }
            }
        }
        double w = d[p][2] == 0 ? 1 : d[p][2];
        return new double[] {d[p][0] / w, d[p][1] / w};
    }

    /** Points along an arc (angles in radians, counter-clockwise positive), chords within {@link #TOLERANCE} of it. */
    static List<double[]> arc(double cx, double cy, double r, double start, double sweep) {
        int n = segments(r, sweep);
        List<double[]> points = new ArrayList<>(n + 1);
        for (int k = 0; k <= n; k++) {
            double a = start + sweep * k / n;
            points.add(new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)});
        }
        return points;
    }

    private static int segments(double r, double sweep) {
        double step = r <= TOLERANCE ? Math.PI / 2 : 2 * Math.acos(1 - TOLERANCE / r);
        int n = (int) Math.min(1440, Math.max(2, Math.ceil(Math.abs(sweep) / step)));
        return (n + 3) / 4 * 4; // a multiple of four: a whole circle or ellipse reaches its extremes exactly
    }

    private static double number(Pair p) {
        try {
            double v = Double.parseDouble(p.value());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new JobFileProblem(p.line() + 1, "group code " + p.code() + " needs a number, found \"" + shorten(p.value()) + "\"");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
