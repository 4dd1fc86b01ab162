package microfactory.members;

import java.time.LocalDate;

/** A member on a plan over a period; {@code endsOn} null means open-ended. */
public record Membership(long id, long memberId, String planCode, String planName, LocalDate startsOn,
                         LocalDate endsOn) {

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
