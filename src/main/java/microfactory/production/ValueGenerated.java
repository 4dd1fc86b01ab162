package microfactory.production;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import microfactory.common.ChapterSettings;
import microfactory.common.InvalidInputException;
import microfactory.equipment.MachineMaintenance;
import microfactory.equipment.MaintenanceRecord;
import microfactory.learning.LearningService;
import microfactory.learning.Mentoring;
import microfactory.members.Member;
import microfactory.members.MemberService;

/** The value members generate — units built and teaching: what billing charges value-share members on, and what a profile shows. */
@Service
public class ValueGenerated {

    /** A sign-off counts as half an hour of teaching: the practical check and the talk around it. */
    public static final int SIGN_OFF_MINUTES = 30;
    /** Maintenance counts the time the machine was down, at most a working day per record. */
    public static final int MAINTENANCE_CAP_MINUTES = 8 * 60;
    private final ProductionRepository runs;
    private final ChapterSettings chapter;
    private final LearningService learning;
    private final MemberService members;
    private final MachineMaintenance maintenance;

    ValueGenerated(ProductionRepository runs, ChapterSettings chapter, LearningService learning, MemberService members,
                   MachineMaintenance maintenance) {
        this.maintenance = maintenance;
        this.runs = runs;
        this.chapter = chapter;
        this.learning = learning;
        this.members = members;
    }

    /** A member's (by pseudonym) contributions from the start of {@code from} to the end of {@code to}, both inclusive. */
    public MemberValue of(String member, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw InvalidInputException.of("from", "the period starts on or before its end (" + to + ")");
        }
        ZoneId zone = chapter.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Contribution> all = new ArrayList<>();
        for (UnitShare s : runs.shares(member, start, end)) {
            all.add(new Contribution(ContributionKind.UNIT, s.serial(), s.design(), s.completedAt(), s.minutes(), s.valueMinor()));
        }
        Long hourly = chapter.hourlyValueMinor();
        Optional<Member> mentor = members.findByPublicId(member);
        if (hourly != null && mentor.isPresent()) {
            for (Mentoring m : learning.mentoring(mentor.get().id(), start, end)) {
                all.add(new Contribution(ContributionKind.TEACHING, m.skill() + " " + m.level(), "signed off: " + m.what(), m.signedAt(),
                        SIGN_OFF_MINUTES, hourly * SIGN_OFF_MINUTES / 60));
            }
        }
        if (hourly != null && mentor.isPresent()) {
            for (MaintenanceRecord r : maintenance.doneBy(mentor.get().id(), start, end)) {
                int minutes = (int) Math.min(MAINTENANCE_CAP_MINUTES, Duration.between(r.downFrom(), r.downUntil()).toMinutes());
                all.add(new Contribution(ContributionKind.MAINTENANCE, r.machine(), "maintenance: " + r.what(), r.downFrom(), minutes,
                        hourly * minutes / 60));
            }
        }
        all.sort(Comparator.comparing(Contribution::at));
        long total = all.stream().mapToLong(Contribution::valueMinor).sum();
        int minutes = all.stream().mapToInt(Contribution::minutes).sum();
        return new MemberValue(member, from, to, chapter.currency(), total, minutes, all);
    }
}
