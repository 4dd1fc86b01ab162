package microfactory.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import microfactory.common.RecentAttempts;

/**
 * Sign-up must say when an address already has an account (signing up logs a newcomer in at once, so a refusal can
 * not look like a success). What keeps that from becoming a way to list members: a client address may name existing
 * accounts at most {@value #FREE} times an hour, and each time the account's owner is told by mail.
 */
@Component
class SignUpProbes {

    static final int FREE = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private final RecentAttempts byAddress = new RecentAttempts(WINDOW, FREE);
    private final Clock clock;

    SignUpProbes(Clock clock) {
        this.clock = clock;
    }

    /** How long this client address must wait before its next sign-up; empty when it may sign up now. */
    Optional<Duration> wait(String address) {
        Instant now = clock.instant();
        List<Instant> recent = byAddress.within(address, now);
        if (recent.size() < FREE) {
            return Optional.empty();
        }
        // Free again when the oldest of the last FREE leaves the window.
        return Optional.of(Duration.between(now, recent.get(recent.size() - FREE).plus(WINDOW)));
    }

    /** A sign-up from this address named an account that exists. */
    void record(String address) {
        byAddress.add(address, clock.instant());
    }

    /** For tests that share one application: their probes must not hold up the next test's sign-ups. */
    void forgetAll() {
        byAddress.forgetAll();
    }
}
