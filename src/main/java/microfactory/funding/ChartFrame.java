package microfactory.funding;

/**
 * The frame the funding charts share: margins sized for a phone (labels stay readable at 560 px and less), the plot
 * area inside them, and labelled ticks along an axis.
 */
public interface ChartFrame {

    double LEFT = 72;
    double RIGHT = 10;
    double TOP = 12;
    double BOTTOM = 28;

    /** A label at a position along an axis. */
    record Tick(double at, String label) {
    }

    double width();

    double height();

    default double left() {
        return LEFT;
    }

    default double right() {
        return width() - RIGHT;
    }

    default double bottom() {
        return height() - BOTTOM;
    }

    default double top() {
        return TOP;
    }
}
