package microfactory.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecentAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void onlyAttemptsWithinTheWindowCountOldestFirst() {
        RecentAttempts attempts = new RecentAttempts(Duration.ofMinutes(15), 10);
        attempts.add("ana", T0);
        attempts.add("ana", T0.plusSeconds(600));
        attempts.add("ben", T0.plusSeconds(700));
        assertThat(attempts.within("ana", T0.plusSeconds(900))).containsExactly(T0, T0.plusSeconds(600));
        assertThat(attempts.within("ana", T0.plusSeconds(901))).containsExactly(T0.plusSeconds(600));
        assertThat(attempts.within("nobody", T0)).isEmpty();
        assertThat(attempts.within(null, T0)).isEmpty();
    }

    @Test
    void aFloodKeepsOnlyTheNewestAndForgettingClears() {
        RecentAttempts attempts = new RecentAttempts(Duration.ofHours(1), 3);
        for (int i = 0; i < 100; i++) {
            attempts.add("probe", T0.plusSeconds(i));
        }
        assertThat(attempts.within("probe", T0.plusSeconds(100))).containsExactly(T0.plusSeconds(97), T0.plusSeconds(98), T0.plusSeconds(99));
        attempts.forget("probe");
        assertThat(attempts.within("probe", T0.plusSeconds(100))).isEmpty();
    }
}
