package microfactory.equipment.jobfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the common subset of G-code that 3D printers and CNC routers run (RS-274 as Marlin, GRBL and LinuxCNC write
 * it): G0/G1 moves, G2/G3 arcs by I/J centre offsets, G20/G21 inches or millimetres, G90/G91 absolute or relative,
 * G92 set position, F feed rates, T tool changes; comments in parentheses or after ';'. Other G and M words are read
 * and left alone. Estimates the run time (feed moves at their feed, rapids at the machine's rapid rate) and checks every
 * move against the machine's work envelope, naming the first line that leaves it.
 */
public final class GcodeReader {

    /** Larger files are refused: a job for a booking is not a whole production run. */
    public static final int MAX_LINES = 500_000;
    private static final double INCH = 25.4;
    private static final int MAX_POINTS = 20_000;
    private static final Pattern MESSAGE = Pattern.compile("\\s*(N\\d+\\s*)?M11[78](\\D|$)");

    private GcodeReader() {
    }

    public static Toolpath read(String text, Envelope envelope, double rapidMmPerMin) {
        String[] lines = text.split("\r?\n|\r", -1);
        if (lines.length > MAX_LINES) {
            throw new JobFileProblem(MAX_LINES + 1, "the file has more than " + MAX_LINES + " lines; split the job");
        }
        double x = 0;
        double y = 0;
        double z = 0;
        double ox = 0; // G92 offsets: program coordinates = machine - offset
        double oy = 0;
        double oz = 0;
        boolean inches = false;
        boolean relative = false;
        int motion = 0;
        double feed = 600; // mm/min until the program sets one
        double seconds = 0;
        int moves = 0;
        int tools = 0;
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        List<Toolpath.Point> points = new ArrayList<>();
        points.add(new Toolpath.Point(0, 0, false));
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String code = strip(lines[n]);
            if (MESSAGE.matcher(code).lookingAt()) {
                continue; // M117/M118 show text on the printer's screen: their words are not G-code
            }
            List<Word> words = words(code, lineNo);
            Double nx = null;
            Double ny = null;
            Double nz = null;
            Double i = null;
            Double j = null;
            boolean setPosition = false;
            for (Word w : words) {
                double unit = inches ? INCH : 1;
                switch (w.letter) {
                    case 'G' -> {
                        int g = (int) Math.round(w.value * 10);
                        switch (g) {
                            case 0, 10, 20, 30 -> motion = g / 10;
                            case 200 -> inches = true;
                            case 210 -> inches = false;
                            case 900 -> relative = false;
                            case 910 -> relative = true;
                            case 920 -> setPosition = true;
                            default -> { } // other G codes (dwell, planes, homing, offsets) are not moves we draw
                        }
                    }
                    case 'X' -> nx = w.value * unit;
                    case 'Y' -> ny = w.value * unit;
                    case 'Z' -> nz = w.value * unit;
                    case 'I' -> i = w.value * unit;
                    case 'J' -> j = w.value * unit;
                    case 'F' -> {
                        if (w.value <= 0) {
                            throw new JobFileProblem(lineNo, "a feed rate is positive (F" + w.text + ")");
                        }
                        feed = w.value * (inches ? INCH : 1);
                    }
                    case 'T' -> tools++;
                    default -> { } // M, S, E, N, P, … are read and left alone
                }
            }
            if (setPosition) {
                // G92: the current machine position is now the given program position
                ox = nx == null ? ox : x - nx;
                oy = ny == null ? oy : y - ny;
                oz = nz == null ? oz : z - nz;
                continue;
            }
            if (nx == null && ny == null && nz == null) {
                continue;
            }
            double tx = nx == null ? x : relative ? x + nx : nx + ox;
            double ty = ny == null ? y : relative ? y + ny : ny + oy;
            double tz = nz == null ? z : relative ? z + nz : nz + oz;
            double length;
            if (motion == 2 || motion == 3) {
                if (i == null && j == null) {
                    throw new JobFileProblem(lineNo, "an arc (G" + motion + ") needs its centre as I and J offsets");
                }
                double cx = x + (i == null ? 0 : i);
                double cy = y + (j == null ? 0 : j);
                double r = Math.hypot(x - cx, y - cy);
                double a0 = Math.atan2(y - cy, x - cx);
                double a1 = Math.atan2(ty - cy, tx - cx);
                double sweep = motion == 2 ? a0 - a1 : a1 - a0;
                if (sweep <= 1e-9) {
                    sweep += 2 * Math.PI;
                }
                int steps = Math.max(2, (int) Math.ceil(sweep * r / 2)); // a point every 2 mm of arc
                for (int s = 1; s <= steps; s++) {
                    double a = a0 + (motion == 2 ? -sweep : sweep) * s / steps;
                    double px = s == steps ? tx : cx + r * Math.cos(a);
                    double py = s == steps ? ty : cy + r * Math.sin(a);
                    double pz = z + (tz - z) * s / steps;
                    check(px, py, pz, envelope, lineNo);
                    extend(min, max, px, py, pz);
                    add(points, px, py, true);
                }
                length = Math.hypot(sweep * r, tz - z);
            } else {
                check(tx, ty, tz, envelope, lineNo);
                extend(min, max, tx, ty, tz);
                add(points, tx, ty, motion != 0);
                length = Math.sqrt((tx - x) * (tx - x) + (ty - y) * (ty - y) + (tz - z) * (tz - z));
            }
            seconds += length / (motion == 0 ? rapidMmPerMin : feed) * 60;
            moves++;
            x = tx;
            y = ty;
            z = tz;
        }
        if (moves == 0) {
            throw new JobFileProblem(1, "no moves (G0, G1, G2 or G3 with X, Y or Z) in the file: is it G-code?");
        }
        return new Toolpath(lines.length, moves, seconds, min[0], min[1], min[2], max[0], max[1], max[2], tools, points);
    }

    private static void add(List<Toolpath.Point> points, double x, double y, boolean cut) {
        if (points.size() < MAX_POINTS) {
            points.add(new Toolpath.Point(x, y, cut));
        }
    }

    private static void check(double x, double y, double z, Envelope e, int line) {
        if (e == null) {
            return;
        }
        String out = x < -1e-6 || x > e.xMm() + 1e-6 ? axis("X", x, e.xMm()) : y < -1e-6 || y > e.yMm() + 1e-6 ? axis("Y", y, e.yMm())
                : z < -1e-6 || z > e.zMm() + 1e-6 ? axis("Z", z, e.zMm()) : null;
        if (out != null) {
            throw new JobFileProblem(line, out);
        }
    }

    private static String axis(String name, double at, double size) {
        return String.format(Locale.ROOT, "the move goes to %s=%.2f mm, outside the machine's work envelope (0 to %.0f mm)", name, at, size);
    }

    private static void extend(double[] min, double[] max, double x, double y, double z) {
        min[0] = Math.min(min[0], x);
        min[1] = Math.min(min[1], y);
        min[2] = Math.min(min[2], z);
        max[0] = Math.max(max[0], x);
        max[1] = Math.max(max[1], y);
        max[2] = Math.max(max[2], z);
    }

    /** The line without comments ("(…)" and after ";"), upper case. */
    private static String strip(String line) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == ';' && depth == 0) {
                break;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private record Word(char letter, double value, String text) {
    }

    /** Words: a letter and a number ("G1", "X-12.5"), spaces optional between them. */
    private static List<Word> words(String line, int lineNo) {
        List<Word> words = new ArrayList<>();
        int k = 0;
        while (k < line.length()) {
            char c = line.charAt(k);
            if (Character.isWhitespace(c) || c == '%' || (c == '*' && k > 0)) {
                if (c == '*') { // a checksum ends the line (Marlin)
                    break;
                }
                k++;
                continue;
            }
            if (c < 'A' || c > 'Z') {
                throw new JobFileProblem(lineNo, "'" + c + "' is not where a word starts (a letter and a number, such as G1 or X10.5)");
            }
            int start = ++k;
            while (k < line.length() && (Character.isDigit(line.charAt(k)) || "+-. ".indexOf(line.charAt(k)) >= 0)
                    && !(line.charAt(k) == ' ' && k + 1 < line.length() && Character.isLetter(line.charAt(k + 1)))) {
                k++;
            }
            String number = line.substring(start, k).replace(" ", "");
            if (number.isEmpty()) {
                if (c == 'T' || c == 'M' || c == 'G' || c == 'X' || c == 'Y' || c == 'Z' || c == 'F' || c == 'I' || c == 'J') {
                    throw new JobFileProblem(lineNo, "'" + c + "' needs a number after it");
                }
                continue; // a bare letter of a word we do not read (Marlin's "M117 text" leaves letters)
            }
            try {
                words.add(new Word(c, Double.parseDouble(number), number));
            } catch (NumberFormatException e) {
                throw new JobFileProblem(lineNo, "'" + c + number + "' is not a letter and a number");
            }
        }
        return words;
    }
}
