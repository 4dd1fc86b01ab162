package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A unit's value is split by minutes worked, in whole minor units that add up exactly. */
class ValueSharesTest {

    @Test
    void sharesFollowTheMinutesAndAddUpToTheValueExactly() {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        minutes.put("m-a", 100);
        minutes.put("m-b", 100);
        minutes.put("m-c", 100);
        List<ValueShares.Share> shares = ValueShares.split(100, minutes);
        assertThat(shares).extracting(ValueShares.Share::valueMinor).containsExactly(34L, 33L, 33L);
        assertThat(ValueShares.split(1_850_000, Map.of("m-a", 90, "m-b", 30)))
            .extracting(ValueShares.Share::valueMinor).containsExactlyInAnyOrder(1_387_500L, 462_500L);
        assertThat(ValueShares.split(7, Map.of())).isEmpty();
    }

    @Test
    void aTaskStartedAndFinishedCountsItsRealTimeElseItsPlannedLength() {
        Instant start = Instant.parse("2026-05-04T08:00:00Z");
        RunTask real = new RunTask(1, 1, "W1", "weld", 0, 60, "b1", List.of("m-a", "m-b"), List.of(), List.of(), List.of(),
                TaskStatus.DONE, List.of(), start, start.plusSeconds(150 * 60));
        RunTask ticked = new RunTask(2, 1, "C1", "cut", 0, 45, "b1", List.of("m-a"), List.of("m-t"), List.of(), List.of(),
                TaskStatus.DONE, List.of(), start, start);
        Map<String, Integer> worked = ValueShares.minutesWorked(List.of(real, ticked));
        assertThat(worked).containsEntry("m-a", 195).containsEntry("m-b", 150).doesNotContainKey("m-t");
    }
}
