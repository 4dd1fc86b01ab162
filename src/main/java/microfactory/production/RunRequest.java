package microfactory.production;

import java.time.LocalDate;

/** What a steward fills in to plan a run; hours as minutes of the day (480 = 08:00). */
public record RunRequest(String design, Integer quantity, LocalDate startsOn, Integer days, Integer dayStart, Integer dayEnd,
                         Integer crewTarget, Integer traineeSeats) {
}
