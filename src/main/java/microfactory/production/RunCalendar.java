package microfactory.production;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** A member's runs as an iCalendar (RFC 5545) feed, for their phone. */
@Component
class RunCalendar {

    private final ProductionService production;
    private final Clock clock;

    RunCalendar(ProductionService production, Clock clock) {
        this.production = production;
        this.clock = clock;
    }

    /**
     * An iCalendar (RFC 5545) feed: one event per working day of each run, so a phone calendar shows the hours
     * to be in the factory.
     */
    public String calendar(long memberId, String chapterName) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Microfactory//Production runs//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + escape(chapterName + " runs"));
        java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        for (Run r : production.runsOf(memberId)) {
            for (int d = 0; d < r.days(); d++) {
                line(ics, "BEGIN:VEVENT");
                line(ics, "UID:run-" + r.id() + "-day-" + (d + 1) + "@microfactory");
                line(ics, "DTSTAMP:" + utc.format(clock.instant()));
                line(ics, "DTSTART:" + utc.format(r.at(d * 1440 + r.dayStart())));
                line(ics, "DTEND:" + utc.format(r.at(d * 1440 + r.dayEnd())));
                line(ics, "SUMMARY:" + escape("Swarm build: " + r.quantity() + " × " + r.designSlug() + ", day " + (d + 1) + " of " + r.days()));
                line(ics, "LOCATION:" + escape(chapterName));
                line(ics, "END:VEVENT");
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** Content lines end in CRLF and fold at 75 octets (RFC 5545 §3.1). */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            ics.append(first ? "" : " ").append(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
