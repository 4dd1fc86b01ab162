package microfactory.equipment.jobfiles;

/** A job file (G-code, DXF, SVG) that cannot be run as given, with the line where it goes wrong (1 is the first). */
public class JobFileProblem extends RuntimeException {

    private final int line;

    public JobFileProblem(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
