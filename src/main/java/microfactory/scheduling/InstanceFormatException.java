package microfactory.scheduling;

/** A malformed instance file: names the file and line. */
public class InstanceFormatException extends RuntimeException {

    public InstanceFormatException(String file, int line, String why) {
        super(file + ":" + line + ": " + why);
    }
}
