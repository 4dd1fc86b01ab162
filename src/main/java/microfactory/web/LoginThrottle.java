package microfactory.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import microfactory.common.RecentAttempts;

/**
 * Slows down password guessing: after 5 wrong passwords for one account within 15 minutes, each further try waits
 * (30 s, doubling, at most 5 minutes), and an address that gets 20 wrong within 15 minutes waits a minute. The right
 * password after the wait works at once, so the real owner is never locked out for long; a success clears the account.
 */
@Component
public class LoginThrottle {

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private final RecentAttempts accounts = new RecentAttempts(WINDOW, 64);
    private final RecentAttempts addresses = new RecentAttempts(WINDOW, 64);
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this account, from this address, must wait before the next try; empty when it may try now. */
    public Optional<Duration> wait(String account, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        List<Instant> byAccount = accounts.within(key(account), now);
        if (byAccount.size() >= ACCOUNT_FREE) {
            long doublings = Math.min(10, byAccount.size() - ACCOUNT_FREE);
            Duration pause = Duration.ofSeconds(30L << doublings);
            pause = pause.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : pause;
            wait = max(wait, Duration.between(now, byAccount.get(byAccount.size() - 1).plus(pause)));
        }
        List<Instant> byAddress = addresses.within(address, now);
        if (byAddress.size() >= ADDRESS_FREE) {
            wait = max(wait, Duration.between(now, byAddress.get(byAddress.size() - 1).plus(Duration.ofMinutes(1))));
        }
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        accounts.add(key(event.getAuthentication().getName()), now);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            addresses.add(details.getRemoteAddress(), now);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.forget(key(event.getAuthentication().getName()));
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
