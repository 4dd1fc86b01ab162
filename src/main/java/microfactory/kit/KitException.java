package microfactory.kit;

/** A kit refused: the message names the first thing wrong with it, for the person who gave it. */
public class KitException extends RuntimeException {

    public KitException(String message) {
        super(message);
    }
}
