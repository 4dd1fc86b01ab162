package microfactory.production;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;

/** A member's runs as an iCalendar (RFC 5545) feed, for their phone. */
@Component
class RunCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final ProductionService production;
    private final ChapterSettings chapter;
    private final Clock clock;

    RunCalendar(ProductionService production, ChapterSettings chapter, Clock clock) {
        this.production = production;
        this.chapter = chapter;
        this.clock = clock;
    }

    /**
     * An iCalendar (RFC 5545) feed: one event per working day of each run, so a phone calendar shows the hours
     * to be in the factory, in the chapter's local time (TZID, with the zone's rules in a VTIMEZONE).
     */
    public String calendar(long memberId) {
        String chapterName = chapter.chapterName();
        ZoneId zone = chapter.zone();
        List<Run> runs = production.runsOf(memberId);
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Microfactory//Production runs//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + escape(chapterName + " runs"));
        line(ics, "X-WR-TIMEZONE:" + zone.getId());
        if (!runs.isEmpty()) {
            timeZone(ics, zone, runs.stream().map(Run::startsOn).min(LocalDate::compareTo).orElseThrow(),
                    runs.stream().map(r -> r.startsOn().plusDays(r.days())).max(LocalDate::compareTo).orElseThrow());
        }
        for (Run r : runs) {
            for (int d = 0; d < r.days(); d++) {
                line(ics, "BEGIN:VEVENT");
                line(ics, "UID:run-" + r.id() + "-day-" + (d + 1) + "@microfactory");
                line(ics, "DTSTAMP:" + UTC.format(clock.instant()));
                line(ics, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(local(r, d * 1440 + r.dayStart())));
                line(ics, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(local(r, d * 1440 + r.dayEnd())));
                line(ics, "SUMMARY:" + escape("Swarm build: " + r.quantity() + " × " + r.designSlug() + ", day " + (d + 1) + " of " + r.days()));
                line(ics, "LOCATION:" + escape(chapterName));
                line(ics, "END:VEVENT");
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static LocalDateTime local(Run r, int minute) {
        return r.startsOn().plusDays(minute / 1440).atStartOfDay().plusMinutes(minute % 1440);
    }

    /**
     * The zone's offsets over the feed's dates as a VTIMEZONE (RFC 5545 §3.6.5), which TZID requires: every
     * transition from a year before the first run to a year after the last, or one STANDARD part where the zone
     * keeps one offset.
     */
    static void timeZone(StringBuilder ics, ZoneId zone, LocalDate from, LocalDate to) {
        ZoneRules rules = zone.getRules();
        Instant start = from.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:" + zone.getId());
        ZoneOffsetTransition t = rules.nextTransition(start);
        if (t == null || t.getInstant().isAfter(end)) {
            ZoneOffset offset = rules.getOffset(start);
            part(ics, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, rules.getStandardOffset(start).getId());
        }
        while (t != null && !t.getInstant().isAfter(end)) {
            boolean daylight = rules.isDaylightSavings(t.getInstant());
            part(ics, daylight ? "DAYLIGHT" : "STANDARD", t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter(),
                    t.getOffsetAfter().getId());
            t = rules.nextTransition(t.getInstant());
        }
        line(ics, "END:VTIMEZONE");
    }

    private static void part(StringBuilder ics, String kind, LocalDateTime start, ZoneOffset from, ZoneOffset to, String name) {
        line(ics, "BEGIN:" + kind);
        line(ics, "DTSTART:" + LOCAL.format(start));
        line(ics, "TZOFFSETFROM:" + offset(from));
        line(ics, "TZOFFSETTO:" + offset(to));
        line(ics, "TZNAME:" + name);
        line(ics, "END:" + kind);
    }

    /** "+0100", "-0530": RFC 5545's utc-offset. */
    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", abs / 3600, abs / 60 % 60);
    }

    /** Content lines end in CRLF and fold at 75 octets (RFC 5545 §3.1). */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            ics.append(first ? "" : " ").append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
