package microfactory.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import microfactory.common.RecentAttempts;

/**
 * Limits per client address on sign-up. Joining at once must say when an address already has an account (it logs a
 * newcomer in, so a refusal cannot look like a success); what keeps that from becoming a way to list members: a client
 * address may name existing accounts at most {@value #FREE} times an hour, and each time the account's owner is told
 * by mail. Joining by link says nothing of the kind, and a client address may ask for {@value #LINKS} links an hour
 * (a venue's shared network at a sign-up evening stays well below it).
 */
@Component
class SignUpProbes {

    static final int FREE = 5;
    static final int LINKS = 30;
    static final Duration WINDOW = Duration.ofHours(1);

    private final RecentAttempts byAddress = new RecentAttempts(WINDOW, FREE);
    private final RecentAttempts linksByAddress = new RecentAttempts(WINDOW, LINKS);
    private final Clock clock;

    SignUpProbes(Clock clock) {
        this.clock = clock;
    }

    /** How long this client address must wait before its next sign-up; empty when it may sign up now. */
    Optional<Duration> wait(String address) {
        return waitIn(byAddress, FREE, address);
    }

    /** How long this client address must wait before asking for another sign-up link; empty when it may now. */
    Optional<Duration> linkWait(String address) {
        return waitIn(linksByAddress, LINKS, address);
    }

    private Optional<Duration> waitIn(RecentAttempts attempts, int limit, String address) {
        Instant now = clock.instant();
        List<Instant> recent = attempts.within(address, now);
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // Free again when the oldest of the last `limit` leaves the window.
        return Optional.of(Duration.between(now, recent.get(recent.size() - limit).plus(WINDOW)));
    }

    /** This client address asked for a sign-up link. */
    void recordLink(String address) {
        linksByAddress.add(address, clock.instant());
    }

    /** A sign-up from this address named an account that exists. */
    void record(String address) {
        byAddress.add(address, clock.instant());
    }

    /** For tests that share one application: their probes must not hold up the next test's sign-ups. */
    void forgetAll() {
        byAddress.forgetAll();
        linksByAddress.forgetAll();
    }
}
