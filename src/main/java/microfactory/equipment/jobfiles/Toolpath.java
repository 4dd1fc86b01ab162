package microfactory.equipment.jobfiles;

import java.util.List;

/**
 * What a G-code program does: its moves (in mm, machine coordinates), how long it should take, its extent, and how
 * many tool changes it makes. {@code points} are the XY path in order, with whether each segment cuts (false: rapid).
 */
public record Toolpath(int lines, int moves, double seconds, double minX, double minY, double minZ, double maxX, double maxY,
                       double maxZ, int toolChanges, List<Point> points) {

    /** A point the tool reaches, and whether the move to it was a cutting (feed) move. */
    public record Point(double x, double y, boolean cut) {
    }
}
