package microfactory.common;

/** A thing asked for by id or name that does not exist: 404 on pages and in the API. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id + ".");
    }

    /** With a message of its own, for what is not an id lookup. */
    public NotFoundException(String message) {
        super(message);
    }
}
