package microfactory.members;

import java.time.LocalDate;

/**
 * A member on a plan over a period; {@code endsOn} null means open-ended. {@code lapsedOn} is set while the membership
 * has lapsed for an unpaid bill: the plan's rights are suspended until it is paid.
 */
public record Membership(long id, long memberId, String planCode, String planName, LocalDate startsOn,
                         LocalDate endsOn, LocalDate lapsedOn) {

    /** Whether the plan's rights (usufruct, training) hold: not while lapsed. */
    public boolean rightsHold() {
        return lapsedOn == null;
    }

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
