package microfactory.common;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each key (an account, a client address) last tried something, within a window: what throttles count. Keeps at
 * most {@code keep} times per key, so a flood costs bounded memory; safe for concurrent requests.
 */
public final class RecentAttempts {

    private final Duration window;
    private final int keep;
    private final Map<String, Deque<Instant>> byKey = new ConcurrentHashMap<>();

    public RecentAttempts(Duration window, int keep) {
        this.window = window;
        this.keep = keep;
    }

    public void add(String key, Instant at) {
        if (key == null) {
            return;
        }
        Deque<Instant> times = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(at);
            while (times.size() > keep) {
                times.removeFirst();
            }
        }
    }

    /** The key's attempts at most a window before {@code now}, oldest first. */
    public List<Instant> within(String key, Instant now) {
        Deque<Instant> times = key == null ? null : byKey.get(key);
        if (times == null) {
            return List.of();
        }
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
            return List.copyOf(times);
        }
    }

    public void forget(String key) {
        if (key != null) {
            byKey.remove(key);
        }
    }

    public void forgetAll() {
        byKey.clear();
    }
}
