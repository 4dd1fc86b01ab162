package microfactory.production;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.BuildTask;
import microfactory.designs.DesignService;
import microfactory.designs.SkillNeed;
import microfactory.learning.LearningService;

/**
 * A build as it is done: the crew start tasks once what comes before is done, finish them with their quality checks,
 * and trainees beside them ask for sign-offs; the first task started starts the build and collects the fees.
 */
@Component
class RunExecution {

    private final ProductionRepository runs;
    private final Signups signups;
    private final RunFees fees;
    private final UnitRecords units;
    private final DesignService designs;
    private final LearningService learning;
    private final ChapterSettings chapter;
    private final Clock clock;

    RunExecution(ProductionRepository runs, Signups signups, RunFees fees, UnitRecords units, DesignService designs,
                 LearningService learning, ChapterSettings chapter, Clock clock) {
        this.runs = runs;
        this.signups = signups;
        this.fees = fees;
        this.units = units;
        this.designs = designs;
        this.learning = learning;
        this.chapter = chapter;
        this.clock = clock;
    }

    private RunTask task(long runId, String key) {
        return runs.tasks(runId).stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("task of run " + runId, key));
    }

    /** The crew on a task start it once everything before it is done (and passed its checks). */
    @Transactional
    RunTask startTask(long runId, String key, String publicId) {
        Run run = runs.require(runId);
        runs.lock(runId);
        Map<String, RunTask> byKey = new HashMap<>();
        runs.tasks(runId).forEach(x -> byKey.put(x.key(), x));
        RunTask t = byKey.get(key);
        if (t == null) {
            throw new NotFoundException("task of run " + runId, key);
        }
        if (!t.involves(publicId)) {
            throw new ConflictException("Only the crew of " + t.name() + " (unit " + t.unit() + ") can start it.");
        }
        if (t.status() != TaskStatus.PLANNED) {
            throw new ConflictException(t.name() + " is " + t.status().label() + " already.");
        }
        if (clock.instant().isBefore(run.starts(chapter.zone()))) {
            throw new ConflictException("The build starts on " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm")
                    .format(run.starts(chapter.zone()).atZone(chapter.zone())) + " (" + chapter.zone().getId()
                    + "); its tasks can be started from then.");
        }
        for (String p : t.predecessors()) {
            RunTask before = byKey.get(t.unit() + "-" + p);
            if (before.status() != TaskStatus.DONE) {
                throw new ConflictException("Wait: " + before.name() + " (unit " + t.unit() + ") is " + before.status().label()
                        + (before.status() == TaskStatus.FAILED ? " — a quality check failed and blocks what follows until it is resolved" : "") + ".");
            }
        }
        runs.started(t.id(), clock.instant());
        if (run.status() == RunStatus.SCHEDULED) {
            runs.setStatus(runId, RunStatus.IN_PROGRESS);
            signups.of(runId).stream().filter(s -> s.status() == SignupStatus.CONFIRMED).forEach(s -> fees.settle(s, true));
            runs.log(runId, clock.instant(), "STARTED", "The build started; fees owed are collected.");
        }
        return task(runId, key);
    }

    /**
     * The crew finish a task and record its quality checks: every item passed makes it done; a failed one
     * blocks the tasks after it until the task is finished again with every check passed. When a unit's last
     * task is done the unit is built: it gets a serial number and a public ledger entry naming its builders.
     */
    @Transactional
    RunTask finishTask(long runId, String key, String publicId, long memberId, Map<String, Boolean> checks, String note) {
        Run run = runs.require(runId);
        runs.lock(runId);
        RunTask t = task(runId, key);
        if (!t.involves(publicId)) {
            throw new ConflictException("Only the crew of " + t.name() + " (unit " + t.unit() + ") can finish it.");
        }
        if (t.status() != TaskStatus.STARTED && t.status() != TaskStatus.FAILED) {
            throw new ConflictException(t.name() + " is " + t.status().label() + "; start it first.");
        }
        List<String> missing = t.checklist().stream().filter(item -> checks == null || !checks.containsKey(item)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("checks", "record every check of " + t.name() + ": " + String.join("; ", missing));
        }
        boolean allPassed = true;
        for (String item : t.checklist()) {
            boolean passed = Boolean.TRUE.equals(checks.get(item));
            allPassed &= passed;
            runs.insertCheck(t.id(), item, passed, note == null ? "" : note.strip(), memberId, clock.instant());
        }
        runs.finished(t.id(), allPassed ? TaskStatus.DONE : TaskStatus.FAILED, clock.instant());
        if (allPassed) {
            askSignOffsForTrainees(run, t);
            units.completeIfBuilt(run, t.unit());
        }
        return task(runId, key);
    }

    /** Trainees who did a task beside its qualified crew ask for a sign-off of each badge the task needs. */
    private void askSignOffsForTrainees(Run run, RunTask t) {
        if (t.trainees().isEmpty()) {
            return;
        }
        BuildTask design = designs.view(run.designSlug(), run.version()).tasks().tasks().stream()
            .filter(b -> b.code().equals(t.code())).findFirst().orElseThrow();
        Map<String, Long> memberIds = new HashMap<>();
        signups.of(run.id()).forEach(s -> memberIds.put(s.publicId(), s.memberId()));
        for (String trainee : t.trainees()) {
            for (SkillNeed need : design.skills()) {
                learning.requestWorkSignOff(memberIds.get(trainee), need.skill(), need.level(), t.people(),
                        "run " + run.id() + ", unit " + t.unit() + ": " + t.name());
            }
        }
    }
}
