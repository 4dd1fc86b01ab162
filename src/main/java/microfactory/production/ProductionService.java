package microfactory.production;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.Design;
import microfactory.designs.DesignService;
import microfactory.designs.DesignView;
import microfactory.equipment.Bay;
import microfactory.equipment.EquipmentService;
import microfactory.learning.LearningService;
import microfactory.ledger.LedgerService;
import microfactory.materials.RunMaterials;
import microfactory.merit.MeritService;
import microfactory.scheduling.InfeasibleProjectException;
import microfactory.scheduling.Solver;

/**
 * Production runs: "people simply sign up for production runs". A run builds units of a design; members
 * join as crew (with a badge some task needs) or as trainees; the scheduler assigns crew and machines to
 * every unit's build tasks across the bays within the working days.
 */
@Service
public class ProductionService {

    private final ProductionRepository runs;
    private final Signups signups;
    private final RunSignups joining;
    private final RunExecution execution;
    private final DesignService designs;
    private final EquipmentService equipment;
    private final MeritService merit;
    private final RunFees fees;
    private final RunPlans plans;
    private final RunReplanning replanning;
    private final LearningService learning;
    private final LedgerService ledger;
    private final Clock clock;
    private final ChapterSettings chapter;
    private final RunNotices notices;
    private final ScheduleProblems problems;
    private final RunMaterials materials;

    ProductionService(Signups signups, RunSignups joining, RunExecution execution, ProductionRepository runs, DesignService designs, EquipmentService equipment, MeritService merit,
                      LearningService learning, LedgerService ledger,
                      Clock clock, RunFees fees, RunPlans plans, RunReplanning replanning,
                      ChapterSettings chapter, RunNotices notices, ScheduleProblems problems, RunMaterials materials) {
        this.materials = materials;
        this.signups = signups;
        this.joining = joining;
        this.execution = execution;
        this.problems = problems;
        this.chapter = chapter;
        this.notices = notices;
        this.fees = fees;
        this.plans = plans;
        this.replanning = replanning;
        this.learning = learning;
        this.runs = runs;
        this.designs = designs;
        this.equipment = equipment;
        this.merit = merit;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A task will take longer than planned (reported by its crew or a steward): the build is replanned with the
     * extra time, keeping work under way, and the log says how the expected finish moved.
     */
    @Transactional
    public RunEvent reportDelay(long runId, String key, String publicId, boolean steward, Integer minutes, String reason) {
        return replanning.reportDelay(runId, key, publicId, steward, minutes, reason);
    }

    public RunDashboard dashboard(long runId) {
        Run run = run(runId);
        return RunDashboard.of(run, runs.tasks(runId), runs.units(runId).size(), clock.instant(), runs.log(runId),
                chapter.zone());
    }

    public List<RunEvent> log(long runId) {
        run(runId);
        return runs.log(runId);
    }

    /** The runs a member is on (confirmed), for their calendar. */
    public List<Run> runsOf(long memberId) {
        return runs.runs().stream().filter(r -> signups.of(r.id()).stream()
                .anyMatch(s -> s.memberId() == memberId && s.status() == SignupStatus.CONFIRMED)).toList();
    }

    /**
     * A member's tasks in every build they are on, today's first (in the chapter's zone), then those to come, then the
     * ones done or past.
     */
    public List<MyTask> tasksOf(long memberId, String publicId) {
        ZoneId zone = chapter.zone();
        LocalDate today = chapter.today(clock);
        Instant now = clock.instant();
        List<MyTask> mine = new ArrayList<>();
        for (Run r : runsOf(memberId)) {
            runs.tasks(r.id()).stream().filter(t -> t.involves(publicId))
                    .forEach(t -> mine.add(new MyTask(r, t, r.at(t.startMinute(), zone), r.at(t.endMinute(), zone))));
        }
        ToIntFunction<MyTask> group = m -> m.starts().atZone(zone).toLocalDate().equals(today) ? 0
                : m.ends().isAfter(now) && m.task().status() != TaskStatus.DONE ? 1 : 2;
        mine.sort(Comparator.comparingInt(group).thenComparing(MyTask::starts));
        return mine;
    }

    /** Builds taking sign-ups where this member could have a seat now: as crew (they qualify) or as a trainee. */
    public List<Run> openTo(long memberId) {
        return runs().stream().filter(r -> r.status().takesSignUps())
                .filter(r -> signups.of(r.id()).stream().noneMatch(s -> s.memberId() == memberId && s.status() != SignupStatus.WITHDRAWN))
                .filter(r -> joining.hasRoomFor(r, memberId))
                .toList();
    }

    /** The member's other builds whose days overlap this one's, for a warning when they sign up. */
    public List<Run> overlapping(long runId, long memberId) {
        Run run = run(runId);
        return runsOf(memberId).stream().filter(r -> r.id() != runId)
                .filter(r -> !r.startsOn().isAfter(run.startsOn().plusDays(run.days() - 1))
                        && !run.startsOn().isAfter(r.startsOn().plusDays(r.days() - 1)))
                .toList();
    }

    /** Every unit the chapter has built, oldest first. */
    public List<Unit> allUnits() {
        return runs.allUnits();
    }

    public List<Unit> units(long runId) {
        run(runId);
        return runs.units(runId);
    }

    public List<Run> runs() {
        return runs.runs();
    }

    public Run run(long id) {
        return runs.require(id);
    }

    public List<Signup> signups(long runId) {
        return signups.of(runId);
    }

    public List<RunTask> schedule(long runId) {
        run(runId);
        return runs.tasks(runId);
    }

    @Transactional
    public Run create(RunRequest r) {
        return create(r, List.of());
    }

    /**
     * Creates a run; {@code found} are problems the caller found reading its form, reported together with ours
     * (ours only for fields it did not flag already), and nothing is stored unless there are none.
     */
    @Transactional
    public Run create(RunRequest r, List<FieldProblem> found) {
        List<FieldProblem> problems = new ArrayList<>();
        DesignView design = null;
        try {
            design = r.design() == null ? null : designs.view(r.design());
        } catch (NotFoundException e) {
            design = null;
        }
        if (design == null) {
            problems.add(new FieldProblem("design", "name a design of the catalogue by its address, e.g. lifetrac"));
        } else if (design.tasks().tasks().isEmpty() || !design.tasks().problems().isEmpty()) {
            problems.add(new FieldProblem("design", "the design needs build tasks without problems before it can be built"));
        }
        check(problems, "quantity", r.quantity(), 1, 100);
        check(problems, "days", r.days(), 1, 30);
        check(problems, "dayStart", r.dayStart(), 0, 1439);
        check(problems, "dayEnd", r.dayEnd(), 1, 1440);
        check(problems, "crewTarget", r.crewTarget(), 1, 200);
        check(problems, "traineeSeats", r.traineeSeats() == null ? 0 : r.traineeSeats(), 0, 200);
        if (r.startsOn() == null) {
            problems.add(new FieldProblem("startsOn", "give the first day, e.g. 2026-12-07"));
        }
        if (r.dayStart() != null && r.dayEnd() != null && r.dayEnd() <= r.dayStart()) {
            problems.add(new FieldProblem("dayEnd", "the working day ends after it starts"));
        }
        List<RunRequest.Role> roles = r.roles() == null ? List.of() : r.roles();
        checkRoles(problems, roles, design, r.crewTarget());
        long fee = r.feeMinor() == null ? 0 : r.feeMinor();
        String currency = r.feeCurrency() == null || r.feeCurrency().isBlank() ? "USD" : r.feeCurrency().strip();
        if (fee < 0) {
            problems.add(new FieldProblem("feeMinor", "the fee in minor units (cents), 0 for a free run"));
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("feeCurrency", "'" + currency + "' is not an ISO 4217 currency code"));
        }
        List<String> bays = r.bays() == null ? List.of() : r.bays().stream().filter(b -> b != null && !b.isBlank()).distinct().toList();
        Set<String> known = new HashSet<>(equipment.bays().stream().map(Bay::code).toList());
        bays.stream().filter(b -> !known.contains(b)).findFirst()
            .ifPresent(b -> problems.add(new FieldProblem("bays", "no bay " + b + "; the chapter's bays are " + String.join(", ", known.stream().sorted().toList()))));
        if (!problems.isEmpty() || !found.isEmpty()) {
            Set<String> flagged = new HashSet<>();
            found.forEach(f -> flagged.add(f.field()));
            List<FieldProblem> all = new ArrayList<>(found);
            problems.stream().filter(p -> !flagged.contains(p.field())).forEach(all::add);
            throw new InvalidInputException(all);
        }
        long id = runs.insertRun(r.design(), design.version().label(), r.quantity(), r.startsOn(), r.days(), r.dayStart(), r.dayEnd(),
                r.crewTarget(), r.traineeSeats() == null ? 0 : r.traineeSeats(), Boolean.TRUE.equals(r.draft()) ? RunStatus.DRAFT : RunStatus.OPEN,
                clock.instant(), fee, currency, bays);
        roles.forEach(role -> runs.insertSeat(id, role.skill(), role.level(), role.seats()));
        return run(id);
    }

    /** Each role is a skill the design's tasks use, at a level 1–5, with seats; together within the crew target. */
    private static void checkRoles(List<FieldProblem> problems, List<RunRequest.Role> roles, DesignView design, Integer crewTarget) {
        Set<String> used = new LinkedHashSet<>();
        if (design != null) {
            design.tasks().tasks().forEach(t -> t.skills().forEach(need -> used.add(need.skill())));
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int k = 0; k < roles.size(); k++) {
            RunRequest.Role role = roles.get(k);
            String field = "roles[" + k + "]";
            if (role == null || role.skill() == null || (design != null && !used.contains(role.skill()))) {
                problems.add(new FieldProblem(field + ".skill", "name a skill this design's tasks use: " + String.join(", ", used)));
                continue;
            }
            if (role.level() == null || role.level() < 1 || role.level() > 5) {
                problems.add(new FieldProblem(field + ".level", "a level from 1 to 5"));
            }
            if (role.seats() == null || role.seats() < 1) {
                problems.add(new FieldProblem(field + ".seats", "at least one seat"));
            } else {
                total += role.seats();
            }
            if (!seen.add(role.skill() + ":" + role.level())) {
                problems.add(new FieldProblem(field, role.skill() + " at level " + role.level() + " is listed twice"));
            }
        }
        if (crewTarget != null && total > crewTarget) {
            problems.add(new FieldProblem("roles", "the roles take " + total + " seats, more than the crew target of " + crewTarget));
        }
    }

    /** A draft run opens for sign-up. */
    @Transactional
    public Run open(long runId) {
        Run run = run(runId);
        if (run.status() != RunStatus.DRAFT) {
            throw new ConflictException("Only a draft opens for sign-up; this run is " + run.status().label() + ".");
        }
        runs.setStatus(runId, RunStatus.OPEN);
        runs.log(runId, clock.instant(), "OPENED", "Open for sign-up.");
        return run(runId);
    }

    /** Cancels a run that has not finished: pending fees are voided, the reason is public. */
    @Transactional
    public Run cancel(long runId, String reason) {
        Run run = run(runId);
        if (run.status().ended()) {
            throw new ConflictException("This run is " + run.status().label() + "; it cannot be cancelled.");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why the run is cancelled; the crew will read it");
        }
        runs.lock(runId);
        signups.of(runId).forEach(s -> fees.settle(s, false));
        runs.cancel(runId, reason.strip());
        materials.release(runId); // what it held goes back to stock for others
        runs.log(runId, clock.instant(), "CANCELLED", reason.strip());
        notices.cancelled(run, reason.strip());
        ledger.record("run.cancelled", Map.of("run", runId, "design", run.designSlug(), "reason", reason.strip()));
        return run(runId);
    }

    /** The chapter's bays, where runs build. */
    public List<Bay> bays() {
        return equipment.bays();
    }

    /** Designs a run can build: those with build tasks and no problems in them. */
    public List<Design> buildableDesigns() {
        return designs.catalogue(null).stream().filter(d -> {
            var tasks = designs.view(d.slug(), null).tasks();
            return !tasks.tasks().isEmpty() && tasks.problems().isEmpty();
        }).toList();
    }

    public List<Seat> seats(long runId) {
        return runs.seats(runId);
    }

    // ---- sign-ups (RunSignups) ----

    /** General crew places: the crew target less the seats reserved for roles. */
    public int generalSeats(Run run) {
        return joining.generalSeats(run);
    }

    /** The skills (and levels) the design's tasks need: holding any one qualifies a member for the crew. */
    public Set<String> crewSkills(Run run) {
        return joining.crewSkills(run);
    }

    public boolean qualifiesForCrew(Run run, long memberId) {
        return joining.qualifiesForCrew(run, memberId);
    }

    /** Joins as general crew or as a trainee. */
    public Signup signUp(long runId, long memberId, SignupRole role) {
        return joining.signUp(runId, memberId, role, null);
    }

    /** Joins as crew (in a role's seat, or general crew when {@code seatId} is null) or as a trainee; see RunSignups. */
    public Signup signUp(long runId, long memberId, SignupRole role, Long seatId) {
        return joining.signUp(runId, memberId, role, seatId);
    }

    /** Leaves a run; the first on the waitlist takes the place, and a live build is replanned around the gap. */
    public void withdraw(long runId, long memberId) {
        joining.withdraw(runId, memberId);
    }

    /** A steward confirms someone from the waitlist, beyond the seats. */
    public Signup confirm(long runId, long signupId) {
        return joining.confirm(runId, signupId);
    }

    // ---- doing the build (RunExecution) ----

    /** The crew on a task start it once everything before it is done (and passed its checks). */
    public RunTask startTask(long runId, String key, String publicId) {
        return execution.startTask(runId, key, publicId);
    }

    /** The crew finish a task and record its quality checks; a unit whose last task is done is built. */
    public RunTask finishTask(long runId, String key, String publicId, long memberId, Map<String, Boolean> checks, String note) {
        return execution.finishTask(runId, key, publicId, memberId, checks, note);
    }

    private static void check(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            problems.add(new FieldProblem(field, "a whole number from " + min + " to " + max));
        }
    }

    /**
     * Schedules the run: every unit's build tasks, the confirmed crew by their badges, trainees beside them,
     * machines in service, the bays and the working days. Explains why when it cannot.
     */
    @Transactional
    public Solver.Result schedule(long runId, long timeLimitMillis) {
        return schedule(runId, timeLimitMillis, null);
    }

    /** Refuses (with the reason) a run that cannot be scheduled in its status. */
    public Run requireSchedulable(long runId) {
        Run run = run(runId);
        if (!run.status().takesSignUps()) {
            throw new ConflictException("Only an open or scheduled run can be scheduled; this one is "
                    + run.status().label() + ".");
        }
        return run;
    }

    /** As {@link #schedule(long, long)}, telling {@code progress} of every better schedule found on the way. */
    @Transactional
    public Solver.Result schedule(long runId, long timeLimitMillis, Consumer<Solver.Progress> progress) {
        Run run = requireSchedulable(runId);
        RunPlans.Plan plan = plans.plan(run, plans.crew(runId), Map.of());
        Solver.Result result;
        try {
            result = Solver.solve(plan.project(), Solver.Options.defaults().withTimeLimit(timeLimitMillis).onImprovement(progress));
        } catch (InfeasibleProjectException e) {
            List<String> causes = problems.explain(plan.design(), plan.crew());
            throw new ConflictException("This run cannot be scheduled yet: " + String.join("; ",
                    causes.isEmpty() ? ScheduleProblems.grouped(e.reasons()) : causes) + ".");
        }
        plans.store(runId, plan, result.schedule(), Map.of());
        runs.setStatus(runId, RunStatus.SCHEDULED);
        materials.reserve(runId, run.designSlug(), run.version(), run.quantity()); // its BOM × quantity is held from stock
        return result;
    }

    /** What the run takes from stock: needed, held for it, on hand, short (before scheduling: what it would need). */
    public RunMaterials.RunNeeds materials(long runId) {
        Run run = run(runId);
        return run.status().ended() ? materials.ended(runId) : materials.needs(runId, run.designSlug(), run.version(), run.quantity());
    }
}
