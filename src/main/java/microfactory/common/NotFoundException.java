package microfactory.common;

/** A thing asked for by id or name that does not exist: 404 on pages and in the API. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id + ".");
    }
}
