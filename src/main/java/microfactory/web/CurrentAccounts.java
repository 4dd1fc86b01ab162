package microfactory.web;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Looks a signed-in principal up again, so that a role change or a deactivation takes effect on the next request of
 * every open session. Implemented by the members feature.
 */
public interface CurrentAccounts {

    /** The principal as the account is now, or empty when it may no longer sign in. */
    Optional<UserDetails> current(Object principal);
}
