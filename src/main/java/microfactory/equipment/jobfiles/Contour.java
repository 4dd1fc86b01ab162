package microfactory.equipment.jobfiles;

import java.util.List;

/**
 * One cut of an outline: points in mm, machine orientation (Y away from the operator), from the file's {@code line}
 * (its first line, 1-based) and {@code entity} ("LINE", "path"), to say where a problem is.
 */
public record Contour(int line, String entity, List<double[]> points) {

    public Contour {
        points = List.copyOf(points);
    }

    double[] first() {
        return points.get(0);
    }

    double[] last() {
        return points.get(points.size() - 1);
    }

    double length() {
        double sum = 0;
        for (int k = 1; k < points.size(); k++) {
            sum += Math.hypot(points.get(k)[0] - points.get(k - 1)[0], points.get(k)[1] - points.get(k - 1)[1]);
        }
        return sum;
    }
}
