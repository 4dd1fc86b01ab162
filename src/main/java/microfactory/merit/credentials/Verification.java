package microfactory.merit.credentials;

import java.util.List;

/** The answer about one credential: valid when no check failed; each error names its check and what is wrong. */
public record Verification(boolean valid, List<Finding> errors) {

    /** {@code check}: format, context, issuer, proof, signature, validity, expiry or status. */
    public record Finding(String check, String message) {
    }

    public static Verification of(List<Finding> errors) {
        return new Verification(errors.isEmpty(), List.copyOf(errors));
    }
}
