package microfactory.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Sign-up must say when an address already has an account (signing up logs a newcomer in at once, so a refusal can
 * not look like a success). What keeps that from becoming a way to list members: a client address may name existing
 * accounts at most {@value #FREE} times an hour, and each time the account's owner is told by mail.
 */
@Component
class SignUpProbes {

    static final int FREE = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    SignUpProbes(Clock clock) {
        this.clock = clock;
    }

    /** How long this client address must wait before its next sign-up; empty when it may sign up now. */
    Optional<Duration> wait(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = byAddress.get(address);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() < FREE) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    /** A sign-up from this address named an account that exists. */
    void record(String address) {
        Deque<Instant> times = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    /** For tests that share one application: their probes must not hold up the next test's sign-ups. */
    void forgetAll() {
        byAddress.clear();
    }
}
