package microfactory.web;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/** Personal access tokens, as the API's security sees them; implemented by the members feature. */
public interface BearerTokens {

    /** Whom a token stands for, and whether it may write; empty for an unknown, revoked or foreign token. */
    Optional<Bearer> authenticate(String token);

    record Bearer(UserDetails principal, boolean writes) {
    }
}
