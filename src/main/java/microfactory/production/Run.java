package microfactory.production;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A swarm build: {@code quantity} units of a design version over {@code days} days within daily hours (minutes of the day). */
public record Run(long id, String designSlug, String version, int quantity, LocalDate startsOn, int days, int dayStart, int dayEnd,
                  int crewTarget, int traineeSeats, String status, Instant createdAt, long feeMinor, String feeCurrency,
                  String cancelReason, java.util.List<String> bays) {

    /** The fee as people read it, e.g. "$150.00"; "free" when there is none. */
    public String fee() {
        return feeMinor == 0 ? "free" : new microfactory.common.Money(feeMinor, feeCurrency).formatted();
    }

    /** A minute of the run (counted from midnight of its first day) as a point in time. */
    public Instant at(int minute) {
        return startsOn.atStartOfDay(ZoneOffset.UTC).plusMinutes(minute).toInstant();
    }

    /** A run minute as people say it: "day 2 14:30". */
    public String dayTime(int minute) {
        return "day " + (minute / 1440 + 1) + " " + String.format("%02d:%02d", minute % 1440 / 60, minute % 60);
    }

    public Instant starts() {
        return at(dayStart);
    }

    public Instant ends() {
        return at((days - 1) * 1440 + dayEnd);
    }
}
