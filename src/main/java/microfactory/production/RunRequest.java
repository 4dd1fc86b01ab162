package microfactory.production;

import java.time.LocalDate;
import java.util.List;

/**
 * What a steward fills in to plan a run; hours as minutes of the day (480 = 08:00). {@code roles} reserve part of the
 * crew for a skill at a level; the rest of {@code crewTarget} is general crew.
 */
public record RunRequest(String design, Integer quantity, LocalDate startsOn, Integer days, Integer dayStart, Integer dayEnd,
                         Integer crewTarget, Integer traineeSeats, List<Role> roles) {

    /** Seats for a skill at a level. */
    public record Role(String skill, Integer level, Integer seats) {
    }

    /** A run with one general crew. */
    public RunRequest(String design, Integer quantity, LocalDate startsOn, Integer days, Integer dayStart, Integer dayEnd,
                      Integer crewTarget, Integer traineeSeats) {
        this(design, quantity, startsOn, days, dayStart, dayEnd, crewTarget, traineeSeats, List.of());
    }
}
