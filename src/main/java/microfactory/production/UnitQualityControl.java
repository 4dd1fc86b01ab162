package microfactory.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.BuildTask;
import microfactory.designs.DesignService;
import microfactory.ledger.LedgerService;
import microfactory.members.MemberService;
import microfactory.merit.MeritService;

/**
 * Quality control of built units: each unit's record of checks from its build tasks, the final inspection signed by a
 * member holding the chapter's quality badge (skill and level by setting), and pass rates per design and task.
 */
@Component
public class UnitQualityControl {

    private final ProductionRepository runs;
    private final DesignService designs;
    private final MemberService members;
    private final MeritService merit;
    private final LedgerService ledger;
    private final Clock clock;
    private final String skill;
    private final int level;

    UnitQualityControl(ProductionRepository runs, DesignService designs, MemberService members, MeritService merit, LedgerService ledger,
                       Clock clock, @Value("${microfactory.quality.skill:quality}") String skill,
                       @Value("${microfactory.quality.level:2}") int level) {
        this.runs = runs;
        this.designs = designs;
        this.members = members;
        this.merit = merit;
        this.ledger = ledger;
        this.clock = clock;
        this.skill = skill;
        this.level = level;
    }

    UnitQuality quality(String serial) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        Run run = runs.run(unit.runId()).orElseThrow();
        Map<String, String> standards = new LinkedHashMap<>();
        for (BuildTask t : designs.view(run.designSlug(), run.version()).tasks().tasks()) {
            if (t.standard() != null) {
                standards.put(t.code(), t.standard());
            }
        }
        Map<String, UnitQuality.TaskChecks> byTask = new LinkedHashMap<>();
        for (ProductionRepository.CheckRow c : runs.checksOfUnit(run.id(), unit.unit())) {
            byTask.computeIfAbsent(c.taskCode(), code -> new UnitQuality.TaskChecks(code, c.taskName(), standards.get(code), new ArrayList<>()))
                    .checks().add(new UnitQuality.Check(c.item(), c.passed(), members.get(c.memberId()).publicId(), c.at(), c.note()));
        }
        UnitQuality.Inspection inspection = runs.inspection(unit.id()).map(i -> new UnitQuality.Inspection(members.get(i.memberId()).publicId(),
                i.at(), i.passed(), i.note(), i.ledgerIndex())).orElse(null);
        boolean checksFailed = byTask.values().stream().flatMap(t -> t.checks().stream()).anyMatch(c -> !c.passed());
        QcStatus status = checksFailed || inspection != null && !inspection.passed() ? QcStatus.FAILED
                : inspection == null ? QcStatus.PENDING : QcStatus.PASSED;
        return new UnitQuality(serial, status, List.copyOf(byTask.values()), inspection);
    }

    /** The final inspection, by a member holding the quality badge at the chapter's level; public on the ledger. */
    @Transactional
    UnitQuality inspect(String serial, long memberId, Boolean passed, String note) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        if (passed == null) {
            throw InvalidInputException.of("passed", "true when the unit passes the final inspection, false when it does not");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 1000) {
            throw InvalidInputException.of("note", "at most 1,000 characters");
        }
        if (!passed && text.isEmpty()) {
            throw InvalidInputException.of("note", "say what failed, so it can be put right");
        }
        int held = merit.levelOf(memberId, skill);
        if (held < level) {
            throw new ForbiddenException("The final inspection is signed by a holder of the " + skill + " badge at level " + level
                    + "; you hold " + (held == 0 ? "none" : "level " + held) + ".");
        }
        if (runs.lifetime(unit.id()).stream().anyMatch(e -> e.kind() == LifetimeKind.END_OF_LIFE)) {
            throw new ConflictException("Unit " + serial + " has reached the end of its life.");
        }
        String inspector = members.get(memberId).publicId();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serial);
        event.put("passed", passed);
        event.put("inspector", inspector);
        if (!text.isEmpty()) {
            event.put("note", text);
        }
        long index = ledger.record("unit.inspected", event);
        runs.insertInspection(unit.id(), memberId, passed, text, clock.instant(), index);
        runs.lifetime(unit.id(), clock.instant(), LifetimeKind.INSPECTED, (passed ? "Passed" : "Failed") + " the final inspection by " + inspector
                + (text.isEmpty() ? "." : ": " + text), index);
        return quality(serial);
    }

    /** Every unit built of a design: how many passed, failed or wait for inspection; each task's checks passed. */
    public DesignQuality ofDesign(String design) {
        designs.get(design);
        int passed = 0;
        int failed = 0;
        int pending = 0;
        Map<String, int[]> rates = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Unit> units = runs.unitsOfDesign(design);
        for (Unit u : units) {
            UnitQuality q = quality(u.serial());
            switch (q.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                default -> pending++;
            }
            for (UnitQuality.TaskChecks t : q.tasks()) {
                names.putIfAbsent(t.task(), t.name());
                int[] r = rates.computeIfAbsent(t.task(), k -> new int[2]);
                r[0] += t.checks().size();
                r[1] += (int) t.checks().stream().filter(UnitQuality.Check::passed).count();
            }
        }
        List<DesignQuality.TaskRate> tasks = new ArrayList<>();
        rates.forEach((task, r) -> tasks.add(new DesignQuality.TaskRate(task, names.get(task), r[0], r[1], r[0] == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(r[1] * 100L).divide(BigDecimal.valueOf(r[0]), 1, RoundingMode.HALF_EVEN))));
        return new DesignQuality(design, units.size(), passed, failed, pending, tasks);
    }

    String skill() {
        return skill;
    }

    int level() {
        return level;
    }
}
