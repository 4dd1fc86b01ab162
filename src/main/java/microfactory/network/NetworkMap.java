package microfactory.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The chapters on a world map: an equirectangular projection (longitude across, latitude up) with a graticule every
 * 30°, each chapter that gave its place a labelled point. Laid out here, drawn by the network page.
 */
public record NetworkMap(int width, int height, List<Integer> meridians, List<Integer> parallels, List<Point> points) {

    /** A chapter on the map: where, its name, and whether it is this chapter. */
    public record Point(String name, double x, double y, boolean own) {
    }

    /** A chapter's name and place, as the map takes them. */
    public record Place(String name, ChapterDescription.Place place, boolean own) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 360;

    public static NetworkMap of(List<Place> places) {
        List<Integer> meridians = new ArrayList<>();
        for (int lon = -180; lon <= 180; lon += 30) {
            meridians.add(x(lon));
        }
        List<Integer> parallels = new ArrayList<>();
        for (int lat = -90; lat <= 90; lat += 30) {
            parallels.add(y(lat));
        }
        List<Point> points = places.stream().map(p -> new Point(p.name(), x(p.place().longitude().doubleValue()),
                y(p.place().latitude().doubleValue()), p.own())).toList();
        return new NetworkMap(WIDTH, HEIGHT, meridians, parallels, points);
    }

    private static int x(double longitude) {
        return (int) Math.round((longitude + 180) / 360 * WIDTH);
    }

    private static int y(double latitude) {
        return (int) Math.round((90 - latitude) / 180 * HEIGHT);
    }
}
