package microfactory.backup;

/** A backup cannot be written or restored; the message says why, in words an operator can act on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }
}
