package microfactory.production;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.ICalendar;

/** A member's runs as an iCalendar (RFC 5545) feed, for their phone. */
@Component
class RunCalendar {

    private final ProductionService production;
    private final ChapterSettings chapter;
    private final Clock clock;

    RunCalendar(ProductionService production, ChapterSettings chapter, Clock clock) {
        this.production = production;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** One event per working day of each of the member's runs: the hours to be in the factory, in the chapter's local time. */
    public String calendar(long memberId) {
        String chapterName = chapter.chapterName();
        ICalendar ics = new ICalendar(chapterName + " runs", "Production runs", chapter.zone(), clock.instant());
        for (Run r : production.runsOf(memberId)) {
            for (int d = 0; d < r.days(); d++) {
                ics.add(new ICalendar.Event("run-" + r.id() + "-day-" + (d + 1), local(r, d * 1440 + r.dayStart()),
                        local(r, d * 1440 + r.dayEnd()), "Swarm build: " + r.quantity() + " × " + r.designSlug() + ", day " + (d + 1)
                        + " of " + r.days(), chapterName, null, false));
            }
        }
        return ics.toString();
    }

    private static LocalDateTime local(Run r, int minute) {
        return r.startsOn().plusDays(minute / 1440).atStartOfDay().plusMinutes(minute % 1440);
    }
}
