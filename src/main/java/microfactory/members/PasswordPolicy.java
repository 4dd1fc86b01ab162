package microfactory.members;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password too weak to accept, after NIST SP 800-63B: length matters most, and
 * well-known or guessable passwords are refused; no arbitrary composition rules.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "1234567890", "12345678910", "qwertyuiop",
            "iloveyou12", "letmein123", "welcome123", "admin12345", "qwerty1234", "abc1234567", "passw0rd12",
            "microfactory", "0987654321", "1111111111", "abcdefghij", "trustno1234", "football12");

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    static Optional<String> weakness(String password, String email, String displayName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("use at least " + MIN_LENGTH + " characters; a short phrase is easiest to remember");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("use at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("this is one of the most common passwords; choose another");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("use more than three different characters");
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of("do not use your email address in your password");
        }
        if (displayName != null && displayName.length() >= 4 && lower.contains(displayName.toLowerCase(Locale.ROOT))) {
            return Optional.of("do not use your name in your password");
        }
        return Optional.empty();
    }
}
