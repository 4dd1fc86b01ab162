package microfactory.production;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import microfactory.common.ChapterSettings;
import microfactory.common.InvalidInputException;

/** The value members generate: what billing charges value-share members on, and what a profile shows. */
@Service
public class ValueGenerated {

    private final ProductionRepository runs;
    private final ChapterSettings chapter;

    ValueGenerated(ProductionRepository runs, ChapterSettings chapter) {
        this.runs = runs;
        this.chapter = chapter;
    }

    /** A member's (by pseudonym) contributions from the start of {@code from} to the end of {@code to}, both inclusive. */
    public MemberValue of(String member, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw InvalidInputException.of("from", "the period starts on or before its end (" + to + ")");
        }
        ZoneId zone = chapter.zone();
        var shares = runs.shares(member, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        long total = shares.stream().mapToLong(UnitShare::valueMinor).sum();
        int minutes = shares.stream().mapToInt(UnitShare::minutes).sum();
        return new MemberValue(member, from, to, chapter.currency(), total, minutes, shares);
    }
}
