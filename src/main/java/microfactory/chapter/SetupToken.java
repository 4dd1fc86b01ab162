package microfactory.chapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The one-time token the set-up page asks for while the chapter is not set up: printed in the server's log, so only
 * whoever runs the server can found the chapter (never a default password). Spent by a successful set-up.
 */
@Component
public class SetupToken {

    private volatile String token;

    synchronized String issue() {
        if (token == null) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
        }
        return token;
    }

    /** True when the token is the one issued (compared in constant time). */
    boolean matches(String candidate) {
        String t = token;
        return t != null && candidate != null && MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8),
                candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    void spend() {
        token = null;
    }

    /** For tests and the log: the current token, or null when none was issued. */
    public String current() {
        return token;
    }
}
