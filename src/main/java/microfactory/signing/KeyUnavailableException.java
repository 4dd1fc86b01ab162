package microfactory.signing;

/** The chapter's signing key cannot be opened: the passphrase or key file it was sealed with is missing or wrong. */
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message) {
        super(message);
    }
}
