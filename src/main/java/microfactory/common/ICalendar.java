package microfactory.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An iCalendar (RFC 5545) feed for phones: events in the chapter's local time (TZID) with the zone's rules in a
 * VTIMEZONE, content lines folded at 75 octets and ended by CRLF, text escaped.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** One event; {@code cancelled} keeps it in the feed marked STATUS:CANCELLED, so phones remove it. */
    public record Event(String uid, LocalDateTime start, LocalDateTime end, String summary, String location, String description,
                        boolean cancelled) {
    }

    private final String name;
    private final String product;
    private final ZoneId zone;
    private final Instant stamp;
    private final List<Event> events = new ArrayList<>();

    /** A feed called {@code name} (what the phone shows), made by {@code product}, stamped {@code stamp}. */
    public ICalendar(String name, String product, ZoneId zone, Instant stamp) {
        this.name = name;
        this.product = product;
        this.zone = zone;
        this.stamp = stamp;
    }

    public ICalendar add(Event event) {
        events.add(event);
        return this;
    }

    /** An event between two instants, shown in the feed's zone. */
    public ICalendar add(String uid, Instant start, Instant end, String summary, String location, String description, boolean cancelled) {
        return add(new Event(uid, LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone), summary, location,
                description, cancelled));
    }

    @Override
    public String toString() {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Microfactory//" + product + "//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + escape(name));
        line(ics, "X-WR-TIMEZONE:" + zone.getId());
        if (!events.isEmpty()) {
            timeZone(ics, events.stream().map(e -> e.start().toLocalDate()).min(Comparator.naturalOrder()).orElseThrow(),
                    events.stream().map(e -> e.end().toLocalDate()).max(Comparator.naturalOrder()).orElseThrow());
        }
        for (Event e : events) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + e.uid() + "@microfactory");
            line(ics, "DTSTAMP:" + UTC.format(stamp));
            line(ics, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(e.start()));
            line(ics, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(e.end()));
            line(ics, "SUMMARY:" + escape(e.summary()));
            if (e.location() != null) {
                line(ics, "LOCATION:" + escape(e.location()));
            }
            if (e.description() != null) {
                line(ics, "DESCRIPTION:" + escape(e.description()));
            }
            if (e.cancelled()) {
                line(ics, "STATUS:CANCELLED");
            }
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /**
     * The zone's offsets over the feed's dates as a VTIMEZONE (RFC 5545 §3.6.5), which TZID requires: every
     * transition from a year before the first event to a year after the last, or one STANDARD part where the zone
     * keeps one offset.
     */
    private void timeZone(StringBuilder ics, LocalDate from, LocalDate to) {
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

    /** Content lines end in CRLF and fold at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
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
