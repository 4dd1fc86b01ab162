package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void machinesAreReadInTypeOrderSoTheSameSeedGivesTheSameScheduleInEveryRun() {
        // Map.copyOf's order is salted per JVM: eight types would come out sorted by chance once in 40,320 runs.
        Map<String, Integer> machines = new HashMap<>();
        for (String type : List.of("welder", "saw", "press", "lathe", "drill", "crane", "brake", "mill")) {
            machines.put(type, 1);
        }
        Task task = new Task(1, "frame", 4, List.of(), List.of(), machines, null, false);
        assertThat(List.copyOf(task.machines().keySet()))
                .containsExactly("brake", "crane", "drill", "lathe", "mill", "press", "saw", "welder");
    }

    @Test
    void machinesCannotBeChangedAfterwardsNorNamedWithNull() {
        Task task = new Task(1, "frame", 4, List.of(), List.of(), Map.of("saw", 1), null, false);
        assertThatThrownBy(() -> task.machines().put("press", 1)).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("saw", null);
        assertThatThrownBy(() -> new Task(1, "frame", 4, List.of(), List.of(), withNull, null, false))
                .isInstanceOf(NullPointerException.class);
    }
}
