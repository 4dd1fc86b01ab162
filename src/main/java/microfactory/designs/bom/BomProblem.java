package microfactory.designs.bom;

/** Something wrong in a BOM file, at a line (0: the file as a whole). */
public record BomProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
