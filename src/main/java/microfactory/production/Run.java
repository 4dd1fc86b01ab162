package microfactory.production;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import microfactory.common.Money;

/** A swarm build: {@code quantity} units of a design version over {@code days} days within daily hours (minutes of the day). */
public record Run(long id, String designSlug, String version, int quantity, LocalDate startsOn, int days, int dayStart, int dayEnd,
                  int crewTarget, int traineeSeats, RunStatus status, Instant createdAt, long feeMinor, String feeCurrency,
                  String cancelReason, List<String> bays) {

    /** The fee as people read it, e.g. "$150.00"; "free" when there is none. */
    public String fee() {
        return feeMinor == 0 ? "free" : new Money(feeMinor, feeCurrency).formatted();
    }

    /**
     * A minute of the run (counted from midnight of its first day: day 2 08:00 is minute 1,920) as a point in time,
     * in the chapter's zone: 08:00 is 08:00 on the wall clock of every day of the run, summer time or not.
     */
    public Instant at(int minute, ZoneId zone) {
        return startsOn.plusDays(Math.floorDiv(minute, 1440)).atStartOfDay().plusMinutes(Math.floorMod(minute, 1440))
                .atZone(zone).toInstant();
    }

    /** The run minute of a point in time, read on the chapter's wall clock (the inverse of {@link #at}). */
    public long minuteAt(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return ChronoUnit.DAYS.between(startsOn, local.toLocalDate()) * 1440 + local.getHour() * 60L + local.getMinute();
    }

    /** A run minute as people say it: "day 2 14:30". */
    public String dayTime(int minute) {
        return "day " + (minute / 1440 + 1) + " " + String.format("%02d:%02d", minute % 1440 / 60, minute % 60);
    }

    public Instant starts(ZoneId zone) {
        return at(dayStart, zone);
    }

    public Instant ends(ZoneId zone) {
        return at((days - 1) * 1440 + dayEnd, zone);
    }
}
