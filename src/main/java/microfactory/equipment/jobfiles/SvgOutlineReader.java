package microfactory.equipment.jobfiles;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.batik.parser.AWTPathProducer;
import org.apache.batik.parser.AWTPolygonProducer;
import org.apache.batik.parser.AWTPolylineProducer;
import org.apache.batik.parser.AWTTransformProducer;
import org.apache.batik.parser.DefaultLengthHandler;
import org.apache.batik.parser.LengthParser;
import org.apache.batik.parser.ParseException;

/**
 * Reads what a laser or waterjet cuts from an SVG drawing: path, line, polyline, polygon, rect, circle and ellipse,
 * through every group's transform, in mm from the root's width and height (with its viewBox; user units without a
 * size are CSS pixels, 96 to the inch). Path data, transforms, points and lengths are parsed by Apache Batik; the XML
 * by StAX with DTDs and external entities off. Definitions (defs, symbol, clipPath, mask, pattern, marker) and text are
 * not cut. Y is turned to point away from the operator, as the machine's does.
 */
public final class SvgOutlineReader {

    private static final double PX = 25.4 / 96;

    private SvgOutlineReader() {
    }

    public static List<Contour> read(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Contour> out = new ArrayList<>();
        Deque<AffineTransform> transforms = new ArrayDeque<>();
        int skipped = 0; // depth inside definitions and text
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipped > 0) {
                        skipped--;
                    } else {
                        transforms.pop();
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                int line = r.getLocation().getLineNumber();
                if (skipped > 0 || List.of("defs", "symbol", "clipPath", "mask", "pattern", "marker", "text", "style", "metadata",
                        "title", "desc").contains(name) || "none".equals(r.getAttributeValue(null, "display"))) {
                    skipped++;
                    continue;
                }
                if (root) {
                    if (!name.equals("svg")) {
                        throw new JobFileProblem(line, "the file's root element is <" + name + ">, not <svg>");
                    }
                    transforms.push(rootTransform(r, line));
                    root = false;
                    continue;
                }
                AffineTransform t = new AffineTransform(transforms.peek());
                String transform = r.getAttributeValue(null, "transform");
                if (transform != null && !transform.isBlank()) {
                    t.concatenate(parse(line, "transform", () -> AWTTransformProducer.createAffineTransform(transform)));
                }
                transforms.push(t);
                Shape shape = shape(r, name, line);
                if (shape != null) {
                    flatten(shape, t, line, name, out);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            throw new JobFileProblem(line, "the SVG is not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
        return out;
    }

    /** User units to mm, Y turned up: from the root's width and height (in their units) over its viewBox. */
    private static AffineTransform rootTransform(XMLStreamReader r, int line) {
        double width = length(r.getAttributeValue(null, "width"), line, "width", Double.NaN);
        double height = length(r.getAttributeValue(null, "height"), line, "height", Double.NaN);
        String viewBox = r.getAttributeValue(null, "viewBox");
        double sx = PX;
        double sy = PX;
        double minX = 0;
        double minY = 0;
        if (viewBox != null && !viewBox.isBlank()) {
            String[] v = viewBox.strip().split("[\\s,]+");
            if (v.length != 4) {
                throw new JobFileProblem(line, "the viewBox needs four numbers: min-x, min-y, width, height");
            }
            try {
                minX = Double.parseDouble(v[0]);
                minY = Double.parseDouble(v[1]);
                double vw = Double.parseDouble(v[2]);
                double vh = Double.parseDouble(v[3]);
                if (!(vw > 0 && vh > 0)) {
                    throw new JobFileProblem(line, "the viewBox's width and height must be positive");
                }
                // Without a size the viewBox's units are pixels; with one they stretch to it (a uniform scale, as SVG's default).
                double scale = Double.isNaN(width) && Double.isNaN(height) ? PX
                        : Math.min(Double.isNaN(width) ? Double.MAX_VALUE : width / vw, Double.isNaN(height) ? Double.MAX_VALUE : height / vh);
                sx = scale;
                sy = scale;
            } catch (NumberFormatException e) {
                throw new JobFileProblem(line, "the viewBox needs four numbers: min-x, min-y, width, height");
            }
        }
        AffineTransform t = AffineTransform.getScaleInstance(sx, -sy);
        t.translate(-minX, -minY);
        return t;
    }

    private static Shape shape(XMLStreamReader r, String name, int line) {
        return switch (name) {
            case "path" -> {
                String d = r.getAttributeValue(null, "d");
                yield d == null || d.isBlank() ? null : parse(line, "path data (d)", () -> AWTPathProducer.createShape(new StringReader(d),
                        Path2D.WIND_NON_ZERO));
            }
            case "line" -> new Line2D.Double(number(r, "x1", line), number(r, "y1", line), number(r, "x2", line), number(r, "y2", line));
            case "polyline", "polygon" -> {
                String points = r.getAttributeValue(null, "points");
                yield points == null || points.isBlank() ? null : parse(line, "points", () -> name.equals("polygon")
                        ? AWTPolygonProducer.createShape(new StringReader(points), Path2D.WIND_NON_ZERO)
                        : AWTPolylineProducer.createShape(new StringReader(points), Path2D.WIND_NON_ZERO));
            }
            case "rect" -> {
                double w = number(r, "width", line);
                double h = number(r, "height", line);
                double rx = number(r, "rx", line);
                double ry = r.getAttributeValue(null, "ry") == null ? rx : number(r, "ry", line);
                yield rx > 0 || ry > 0 ? new RoundRectangle2D.Double(number(r, "x", line), number(r, "y", line), w, h, 2 * rx, 2 * (ry > 0 ? ry : rx))
                        : new Rectangle2D.Double(number(r, "x", line), number(r, "y", line), w, h);
            }
            case "circle" -> {
                double radius = number(r, "r", line);
                yield new Ellipse2D.Double(number(r, "cx", line) - radius, number(r, "cy", line) - radius, 2 * radius, 2 * radius);
            }
            case "ellipse" -> {
                double rx = number(r, "rx", line);
                double ry = number(r, "ry", line);
                yield new Ellipse2D.Double(number(r, "cx", line) - rx, number(r, "cy", line) - ry, 2 * rx, 2 * ry);
            }
            default -> null; // groups, images, links: nothing of their own to cut
        };
    }

    /** The shape's outlines in mm: each subpath a contour, curves cut into chords within the tolerance. */
    private static void flatten(Shape shape, AffineTransform t, int line, String name, List<Contour> out) {
        PathIterator it = shape.getPathIterator(t, DxfReader.TOLERANCE);
        double[] c = new double[6];
        List<double[]> points = new ArrayList<>();
        double[] start = null;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    add(points, line, name, out);
                    points = new ArrayList<>();
                    start = new double[] {c[0], c[1]};
                    points.add(start);
                }
                case PathIterator.SEG_LINETO -> points.add(new double[] {c[0], c[1]});
                case PathIterator.SEG_CLOSE -> {
                    if (start != null) {
                        points.add(start.clone());
                    }
                }
                default -> { } // flattened: no curves left
            }
            it.next();
        }
        add(points, line, name, out);
    }

    private static void add(List<double[]> points, int line, String name, List<Contour> out) {
        if (points.size() >= 2) {
            out.add(new Contour(line, name, points));
        }
    }

    private static double number(XMLStreamReader r, String attribute, int line) {
        return length(r.getAttributeValue(null, attribute), line, attribute, 0) / PX; // user units (px) for shapes
    }

    /** A length in mm ("10mm", "2in", "96" = 96 px); {@code none} when absent, blank or a percentage. */
    private static double length(String text, int line, String attribute, double none) {
        if (text == null || text.isBlank() || text.strip().endsWith("%")) {
            return none;
        }
        double[] mm = {0, PX};
        LengthParser parser = new LengthParser();
        parser.setLengthHandler(new DefaultLengthHandler() {
            @Override
            public void lengthValue(float v) {
                mm[0] = v;
            }

            @Override
            public void mm() {
                mm[1] = 1;
            }

            @Override
            public void cm() {
                mm[1] = 10;
            }

            @Override
            public void in() {
                mm[1] = 25.4;
            }

            @Override
            public void pt() {
                mm[1] = 25.4 / 72;
            }

            @Override
            public void pc() {
                mm[1] = 25.4 / 6;
            }
        });
        parse(line, attribute, () -> {
            parser.parse(text);
            return null;
        });
        return mm[0] * mm[1];
    }

    private interface Parse<T> {
        T get() throws IOException;
    }

    /** Runs a Batik parser; a syntax error becomes a problem naming the attribute and the line. */
    private static <T> T parse(int line, String what, Parse<T> parse) {
        try {
            return parse.get();
        } catch (ParseException | IOException e) {
            throw new JobFileProblem(line, "the " + what + " does not parse: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
