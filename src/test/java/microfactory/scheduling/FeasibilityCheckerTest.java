package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The checker is the independent judge of every schedule: one test per kind of violation it reports, each breaking an
 * otherwise good schedule in exactly one way and finding exactly that.
 */
class FeasibilityCheckerTest {

    static final List<Person> PEOPLE = List.of(new Person(1, "Ada", Map.of("weld", 2), List.of()),
            new Person(2, "Ben", Map.of("weld", 1), List.of(new Window(0, 10))));
    static final List<Task> TASKS = List.of(
            new Task(1, "a", 3, List.of(), List.of(new Requirement("weld", 2, 1)), Map.of("torch", 1), null, false),
            new Task(2, "b", 2, List.of(1), List.of(new Requirement("weld", 1, 1)), Map.of("torch", 1), "B1", false),
            new Task(3, "c", 2, List.of(), List.of(), Map.of("torch", 1), "B1", false));
    static final List<Window> WINDOWS = List.of(new Window(0, 8), new Window(10, 20));
    static final Project P = project(1, List.of());

    static Project project(int torches, List<Outage> outages) {
        return new Project("check", TASKS, PEOPLE, List.of(new MachineType("torch", torches)), List.of(new Bay("B1", 1)), WINDOWS,
                outages);
    }

    static Assignment at(int task, int start, int end, Integer... people) {
        return new Assignment(task, start, end, List.of(people), List.of());
    }

    static final List<Assignment> GOOD = List.of(at(1, 0, 3, 1), at(2, 3, 5, 2), at(3, 5, 7));

    /** The good schedule with one task's assignment replaced. */
    static List<String> with(Project p, Assignment changed) {
        List<Assignment> schedule = new ArrayList<>(GOOD.stream().filter(a -> a.task() != changed.task()).toList());
        schedule.add(changed);
        return FeasibilityChecker.violations(p, new Schedule(schedule));
    }

    @Test
    void aGoodScheduleHasNoViolation() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(GOOD))).isEmpty();
    }

    @Test
    void aTaskScheduledTwice() {
        List<Assignment> twice = new ArrayList<>(GOOD);
        twice.add(at(3, 12, 14));
        assertThat(FeasibilityChecker.violations(P, new Schedule(twice))).contains("task 3 is scheduled twice");
    }

    @Test
    void aTaskNotScheduled() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(GOOD.subList(0, 2)))).containsExactly("task 3 is not scheduled");
    }

    @Test
    void aTaskOfTheWrongLength() {
        assertThat(with(P, at(3, 5, 8))).containsExactly("task 3 runs 5–8 but takes 2");
    }

    @Test
    void aTaskBeforeItsPredecessorEnds() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 2, 5, 1), at(2, 0, 2, 2), at(3, 5, 7)))))
                .containsExactly("task 2 starts at 0 before task 1 ends at 5");
    }

    @Test
    void aTaskAcrossTheEndOfAWorkingWindow() {
        assertThat(with(P, at(3, 7, 9))).containsExactly("task 3 (7–9) is not inside one working window");
    }

    @Test
    void aTaskTheProjectDoesNotHave() {
        List<Assignment> extra = new ArrayList<>(GOOD);
        extra.add(at(9, 12, 14));
        assertThat(FeasibilityChecker.violations(P, new Schedule(extra)))
                .containsExactly("the schedule has task 9, which the project does not");
    }

    @Test
    void tooFewPeople() {
        assertThat(with(P, at(1, 0, 3))).containsExactly("task 1 has 0 people but needs 1");
    }

    @Test
    void aPersonListedTwice() {
        Task pair = new Task(4, "d", 2, List.of(), List.of(new Requirement("weld", 1, 2)), Map.of(), null, false);
        Project p = new Project("pair", List.of(pair), PEOPLE, List.of(), List.of(), List.of());
        assertThat(FeasibilityChecker.violations(p, new Schedule(List.of(at(4, 0, 2, 1, 1)))))
                .containsExactly("task 4 lists a person twice");
    }

    @Test
    void aPersonNotInTheProject() {
        assertThat(with(P, at(1, 0, 3, 7))).containsExactly("task 1 names person 7, who is not in the project");
    }

    @Test
    void peopleWithoutTheSkill() {
        assertThat(with(P, at(1, 0, 3, 2))).containsExactly("task 1: its people do not meet its skill requirements "
                + TASKS.get(0).people());
    }

    @Test
    void anUnknownOrDoubleCountedTrainee() {
        assertThat(with(P, new Assignment(1, 0, 3, List.of(1), List.of(9))))
                .containsExactly("task 1 has an unknown or double-counted trainee 9");
        assertThat(with(P, new Assignment(1, 0, 3, List.of(1), List.of(1))))
                .contains("task 1 has an unknown or double-counted trainee 1");
    }

    @Test
    void moreMachinesAtOnceThanThereAre() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1), at(3, 0, 2), at(2, 3, 5, 2)))))
                .containsExactly("machine 'torch' is over capacity at time 0 (2 > 1)");
    }

    @Test
    void moreWorkInABayAtOnceThanItHolds() {
        assertThat(FeasibilityChecker.violations(project(2, List.of()), new Schedule(List.of(at(1, 0, 3, 1), at(2, 3, 5, 2), at(3, 3, 5)))))
                .containsExactly("bay 'B1' is over capacity at time 3 (2 > 1)");
    }

    @Test
    void aMachineUsedWhileItIsOut() {
        Project broken = project(1, List.of(new Outage("torch", 1, new Window(0, 3))));
        assertThat(FeasibilityChecker.violations(broken, new Schedule(GOOD)))
                .containsExactly("machine 'torch' is over capacity at time 0 (2 > 1)");
    }

    @Test
    void outagesThatOverlapTakeAtMostEveryMachineAndAreNoViolationThemselves() {
        Project doublyOut = project(1, List.of(new Outage("torch", 1, new Window(20, 30)), new Outage("torch", 1, new Window(25, 40))));
        assertThat(FeasibilityChecker.violations(doublyOut, new Schedule(GOOD))).isEmpty();
    }

    @Test
    void aPersonWorkingWhenNotThere() {
        assertThat(with(P, at(2, 12, 14, 2))).containsExactly("person 2 works task 2 (12–14) when not there");
    }

    @Test
    void aPersonOnTwoTasksAtOnce() {
        List<Assignment> schedule = List.of(at(1, 0, 3, 1), new Assignment(2, 3, 5, List.of(2), List.of(1)),
                new Assignment(3, 4, 6, List.of(), List.of(1)));
        assertThat(FeasibilityChecker.violations(project(2, List.of()), new Schedule(schedule)))
                .anyMatch(v -> v.startsWith("person 1 is on tasks 2 and 3"));
    }

    @Test
    void aTraineeBesideTheCrewIsFine() {
        assertThat(FeasibilityChecker.violations(P, new Schedule(List.of(at(1, 0, 3, 1),
                new Assignment(2, 3, 5, List.of(2), List.of(1)), new Assignment(3, 12, 14, List.of(), List.of(1)))))).isEmpty();
    }
}
