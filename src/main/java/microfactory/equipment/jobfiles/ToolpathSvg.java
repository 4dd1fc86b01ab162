package microfactory.equipment.jobfiles;

import java.util.List;
import java.util.Locale;

/** Draws a toolpath from above (XY) as SVG: cutting moves solid, rapids dashed and light, the envelope as a frame. */
public final class ToolpathSvg {

    private static final double SIZE = 300;

    private ToolpathSvg() {
    }

    public static String of(Toolpath t, Envelope envelope) {
        double w = envelope != null ? envelope.xMm() : Math.max(1, t.maxX() - Math.min(0, t.minX()));
        double h = envelope != null ? envelope.yMm() : Math.max(1, t.maxY() - Math.min(0, t.minY()));
        double scale = SIZE / Math.max(w, h);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-4 -4 %.1f %.1f\" width=\"100%%\" "
                + "style=\"max-width:320px\" role=\"img\" aria-label=\"Toolpath seen from above: %d moves\">", w * scale + 8, h * scale + 8,
                t.moves()));
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#9aa5b1\"/>",
                w * scale, h * scale));
        List<Toolpath.Point> p = t.points();
        int k = 1;
        while (k < p.size()) {
            boolean cut = p.get(k).cut();
            StringBuilder line = new StringBuilder(point(p.get(k - 1), scale, h));
            while (k < p.size() && p.get(k).cut() == cut) {
                line.append(' ').append(point(p.get(k), scale, h));
                k++;
            }
            svg.append("<polyline fill=\"none\" points=\"").append(line).append(cut ? "\" stroke=\"#c05621\" stroke-width=\"1\"/>"
                    : "\" stroke=\"#9aa5b1\" stroke-width=\"0.6\" stroke-dasharray=\"3 2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** SVG's y grows downwards; machines' Y grows away from the operator: flip it. */
    private static String point(Toolpath.Point q, double scale, double h) {
        return String.format(Locale.ROOT, "%.1f,%.1f", q.x() * scale, (h - q.y()) * scale);
    }
}
