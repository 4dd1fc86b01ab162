package microfactory.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The chapter's settings every feature may need: its name, its time zone (times are stored as instants and shown in
 * this zone), its public address (used in credentials, feeds and links) and its currency. Implemented by the chapter
 * feature, so other features need not depend on it.
 */
public interface ChapterSettings {

    String chapterName();

    ZoneId zone();

    /** The chapter's day on this clock: memberships, bills, runs and bookings all count days in the chapter's zone. */
    default LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** The chapter's public base URL without a trailing slash, e.g. https://lagos.microfactory.org. */
    String publicUrl();

    String currency();

    /** The value the chapter means to produce a day, in minor units of its currency; null until its stewards set it. */
    Long productionPerDayTargetMinor();

    /** What an hour of teaching or maintenance counts as in value generated; null until set. */
    Long hourlyValueMinor();

    /** The start-up capital the chapter means to raise; null until set. */
    Long startUpCapitalTargetMinor();

    /** How newcomers join. */
    SignUpMode signUpMode();
}
