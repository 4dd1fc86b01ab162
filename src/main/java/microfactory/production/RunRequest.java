package microfactory.production;

import java.time.LocalDate;
import java.util.List;

/**
 * What a steward fills in to plan a run; hours as minutes of the day (480 = 08:00). {@code roles} reserve part of the
 * crew for a skill at a level; the rest of {@code crewTarget} is general crew. {@code feeMinor} (0: free) is owed by
 * members without the usufruct right; {@code bays} (none: any) are where it builds; a {@code draft} is not open for sign-up until a steward opens it.
 */
public record RunRequest(String design, Integer quantity, LocalDate startsOn, Integer days, Integer dayStart, Integer dayEnd,
                         Integer crewTarget, Integer traineeSeats, List<Role> roles, Long feeMinor, String feeCurrency,
                         Boolean draft, List<String> bays) {

    /** Seats for a skill at a level. */
    public record Role(String skill, Integer level, Integer seats) {
    }

    /** A free run, open at once, with these roles. */
    public RunRequest(String design, Integer quantity, LocalDate startsOn, Integer days, Integer dayStart, Integer dayEnd,
                      Integer crewTarget, Integer traineeSeats, List<Role> roles) {
        this(design, quantity, startsOn, days, dayStart, dayEnd, crewTarget, traineeSeats, roles, 0L, "USD", false, List.of());
    }

    /** A free run with one general crew, open at once. */
    public RunRequest(String design, Integer quantity, LocalDate startsOn, Integer days, Integer dayStart, Integer dayEnd,
                      Integer crewTarget, Integer traineeSeats) {
        this(design, quantity, startsOn, days, dayStart, dayEnd, crewTarget, traineeSeats, List.of());
    }

    /** The same run with a fee. */
    public RunRequest withFee(long minor, String currency) {
        return new RunRequest(design, quantity, startsOn, days, dayStart, dayEnd, crewTarget, traineeSeats, roles, minor, currency, draft, bays);
    }

    /** The same run as a draft (not yet open for sign-up). */
    public RunRequest asDraft() {
        return new RunRequest(design, quantity, startsOn, days, dayStart, dayEnd, crewTarget, traineeSeats, roles, feeMinor, feeCurrency, true, bays);
    }

    /** The same run in these bays only. */
    public RunRequest inBays(List<String> codes) {
        return new RunRequest(design, quantity, startsOn, days, dayStart, dayEnd, crewTarget, traineeSeats, roles, feeMinor, feeCurrency,
                draft, codes);
    }
}
