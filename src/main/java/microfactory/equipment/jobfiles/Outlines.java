package microfactory.equipment.jobfiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Outlines (from DXF or SVG) as a cutting table runs them: contours that meet end to start are cut in one pass (one
 * pierce), the drawing is placed with its lower-left corner at the machine's origin, and the time is cutting length at
 * the cutting speed, plus travel between cuts at the rapid rate, plus a pierce per cut. A drawing larger than the
 * envelope is refused naming the first line that reaches beyond it.
 */
public final class Outlines {

    /** Ends closer than this (mm) are the same point. */
    private static final double JOIN = 0.01;
    static final double PIERCE_SECONDS = 1.0;
    private static final int MAX_POINTS = 20_000;

    private Outlines() {
    }

    /**
     * @param lines the file's line count (shown in the summary)
     * @param envelope the machine's, or null when not set
     */
    public static Toolpath toolpath(List<Contour> contours, int lines, Envelope envelope, double cutMmPerMin, double rapidMmPerMin) {
        if (contours.isEmpty()) {
            throw new JobFileProblem(1, "nothing to cut: no lines, arcs, circles, polylines, splines or paths in the drawing");
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Contour c : contours) {
            for (double[] p : c.points()) {
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        double width = maxX - minX;
        double height = maxY - minY;
        if (envelope != null && (width > envelope.xMm() + 1e-6 || height > envelope.yMm() + 1e-6)) {
            for (Contour c : contours) {
                for (double[] p : c.points()) {
                    boolean x = p[0] - minX > envelope.xMm() + 1e-6;
                    if (x || p[1] - minY > envelope.yMm() + 1e-6) {
                        throw new JobFileProblem(c.line(), String.format(Locale.ROOT, "the %s reaches %s=%.1f mm with the drawing at the bed's "
                                + "corner: the drawing is %.1f × %.1f mm, the machine's work envelope %.0f × %.0f mm", c.entity(), x ? "X" : "Y",
                                x ? p[0] - minX : p[1] - minY, width, height, envelope.xMm(), envelope.yMm()));
                    }
                }
            }
        }
        List<List<double[]>> cuts = chain(contours);
        List<Toolpath.Point> points = new ArrayList<>();
        points.add(new Toolpath.Point(0, 0, false));
        double cut = 0;
        double travel = 0;
        int moves = 0;
        double[] at = {minX, minY};
        for (List<double[]> c : cuts) {
            travel += Math.hypot(c.get(0)[0] - at[0], c.get(0)[1] - at[1]);
            add(points, c.get(0), minX, minY, false);
            for (int k = 1; k < c.size(); k++) {
                cut += Math.hypot(c.get(k)[0] - c.get(k - 1)[0], c.get(k)[1] - c.get(k - 1)[1]);
                add(points, c.get(k), minX, minY, true);
                moves++;
            }
            at = c.get(c.size() - 1);
        }
        double seconds = cut / cutMmPerMin * 60 + travel / rapidMmPerMin * 60 + cuts.size() * PIERCE_SECONDS;
        return new Toolpath(lines, moves, seconds, 0, 0, 0, width, height, 0, 0, points);
    }

    /** Contours in file order, each joined to the cut before it where it starts (or, reversed, ends) where that one ends. */
    static List<List<double[]>> chain(List<Contour> contours) {
        List<List<double[]>> cuts = new ArrayList<>();
        List<double[]> current = null;
        for (Contour c : contours) {
            List<double[]> points = c.points();
            if (current != null && near(current.get(current.size() - 1), c.last()) && !near(current.get(current.size() - 1), c.first())) {
                points = new ArrayList<>(points);
                Collections.reverse(points);
            }
            if (current != null && near(current.get(current.size() - 1), points.get(0)) && !closed(current)) {
                current.addAll(points.subList(1, points.size()));
            } else {
                current = new ArrayList<>(points);
                cuts.add(current);
            }
        }
        return cuts;
    }

    private static boolean closed(List<double[]> cut) {
        return cut.size() > 2 && near(cut.get(0), cut.get(cut.size() - 1));
    }

    private static boolean near(double[] a, double[] b) {
        return Math.abs(a[0] - b[0]) <= JOIN && Math.abs(a[1] - b[1]) <= JOIN;
    }

    private static void add(List<Toolpath.Point> points, double[] p, double minX, double minY, boolean cut) {
        if (points.size() < MAX_POINTS) {
            points.add(new Toolpath.Point(p[0] - minX, p[1] - minY, cut));
        }
    }
}
