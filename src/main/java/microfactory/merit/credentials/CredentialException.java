package microfactory.merit.credentials;

/** A credential cannot be processed; {@code check} names which check failed (format, context, proof, …). */
public class CredentialException extends Exception {

    private final String check;

    public CredentialException(String check, String message) {
        super(message);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
