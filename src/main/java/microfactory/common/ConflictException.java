package microfactory.common;

/** A request that is well formed but clashes with the current state (e.g. deactivating oneself): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
