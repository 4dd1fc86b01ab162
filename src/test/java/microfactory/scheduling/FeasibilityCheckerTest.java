package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The checker catches each kind of broken schedule, independently of the solver. */
class FeasibilityCheckerTest {

    static final List<Person> PEOPLE = List.of(new Person(1, "Ada", Map.of("weld", 2), List.of()),
            new Person(2, "Ben", Map.of("weld", 1), List.of(new Window(0, 10))));
    static final Project P = new Project("check", List.of(
            new Task(1, "a", 3, List.of(), List.of(new Requirement("weld", 2, 1)), Map.of("torch", 1), null, false),
            new Task(2, "b", 2, List.of(1), List.of(new Requirement("weld", 1, 1)), Map.of("torch", 1), "B1", false),
            new Task(3, "c", 2, List.of(), List.of(), Map.of("torch", 1), "B1", false)),
            PEOPLE, List.of(new MachineType("torch", 1)), List.of(new Bay("B1", 1)), List.of(new Window(0, 8), new Window(10, 20)));

    static Assignment at(int task, int start, int end, Integer... people) {
        return new Assignment(task, start, end, List.of(people), List.of());
    }

    @Test
    void aGoodScheduleHasNoViolation() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1), at(2, 3, 5, 2), at(3, 5, 7))))).isEmpty();
    }

    @Test
    void eachKindOfViolationIsNamed() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1), at(2, 2, 4, 2), at(3, 5, 7)))))
                .anyMatch(v -> v.contains("starts at 2 before task 1 ends at 3"))
                .anyMatch(v -> v.contains("machine 'torch' is over capacity"));
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 2), at(2, 3, 5, 2), at(3, 5, 7)))))
                .anyMatch(v -> v.contains("do not meet its skill requirements"));
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1), at(2, 12, 14, 2), at(3, 5, 7)))))
                .anyMatch(v -> v.contains("person 2 works task 2") && v.contains("when not there"));
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 6, 9, 1), at(2, 10, 12, 1), at(3, 12, 14)))))
                .anyMatch(v -> v.contains("not inside one working window"));
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1), at(2, 3, 5, 1)))))
                .anyMatch(v -> v.equals("task 3 is not scheduled"));
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 4, 1), at(2, 4, 6, 2), at(3, 10, 12)))))
                .anyMatch(v -> v.contains("takes 3"));
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1),
                new Assignment(2, 3, 5, List.of(2), List.of(1)), new Assignment(3, 12, 14, List.of(), List.of(1))))))
                .isEmpty();
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1),
                new Assignment(2, 3, 5, List.of(2), List.of(1)), new Assignment(3, 4, 6, List.of(), List.of(1))))))
                .anyMatch(v -> v.contains("person 1 is on tasks"));
    }
}
