package microfactory.equipment.gcode;

/** A G-code program that cannot be run as given, with the line where it goes wrong (1 is the first). */
public class GcodeProblem extends RuntimeException {

    private final int line;

    public GcodeProblem(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
