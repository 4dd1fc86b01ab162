package microfactory.chapter;

import java.time.LocalDate;

import microfactory.common.DemoCalendar;
import microfactory.common.SignUpMode;

/** The demo chapter's identity, after the source texts: a $5M, 1,000-member community factory. */
final class DemoChapter {

    static final String NAME = "Maysville Microfactory";

    private DemoChapter() {
    }

    static Chapter identity(LocalDate today) {
        return new Chapter(NAME,
                "Factor e Farm Campus, 1 Steel Road, Maysville, Missouri",
                "Missouri, United States",
                "USD",
                DemoCalendar.founded(today),
                "A community factory of about 1,000 members where people who were consumers learn in minutes, "
                        + "earn merit badges, and build tractors, houses, cars and solar panels from open designs "
                        + "in 5-day swarm builds. Every cent and every badge is on a public ledger; every design, "
                        + "lesson and plan is published so that anyone can start a chapter of their own.",
                "America/Chicago", null, SourceEconomics.SOURCE.startUpCapital().minor(),
                SourceEconomics.SOURCE.productionPerDay().minor(), SourceEconomics.SOURCE.buildsPerBayPerYear(), 4_000L,
                SignUpMode.INSTANT);
    }
}
