package microfactory.production;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import microfactory.designs.BuildTask;
import microfactory.designs.Design;
import microfactory.designs.DesignService;
import microfactory.designs.DesignView;
import microfactory.designs.SkillNeed;
import microfactory.equipment.Bay;
import microfactory.equipment.EquipmentService;
import microfactory.learning.LearningService;
import microfactory.ledger.LedgerService;
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
    private final DesignService designs;
    private final EquipmentService equipment;
    private final MeritService merit;
    private final RunFees fees;
    private final RunPlans plans;
    private final RunReplanning replanning;
    private final UnitRecords units;
    private final LearningService learning;
    private final LedgerService ledger;
    private final Clock clock;
    private final ChapterSettings chapter;
    private final RunNotices notices;
    private final ScheduleProblems problems;

    ProductionService(Signups signups, ProductionRepository runs, DesignService designs, EquipmentService equipment, MeritService merit,
                      LearningService learning, LedgerService ledger,
                      Clock clock, RunFees fees, UnitRecords units, RunPlans plans, RunReplanning replanning,
                      ChapterSettings chapter, RunNotices notices, ScheduleProblems problems) {
        this.signups = signups;
        this.problems = problems;
        this.chapter = chapter;
        this.notices = notices;
        this.fees = fees;
        this.plans = plans;
        this.replanning = replanning;
        this.units = units;
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
        LocalDate today = LocalDate.now(clock.withZone(zone));
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
                .filter(r -> runs.confirmed(r.id(), SignupRole.TRAINEE, null) < r.traineeSeats()
                        || (qualifiesForCrew(r, memberId) && runs.confirmed(r.id(), SignupRole.CREW, null) < generalSeats(r)))
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

    public List<Unit> units(long runId) {
        run(runId);
        return runs.units(runId);
    }

    private RunTask task(long runId, String key) {
        return runs.tasks(runId).stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("task of run " + runId, key));
    }

    /** The crew on a task start it once everything before it is done (and passed its checks). */
    @Transactional
    public RunTask startTask(long runId, String key, String publicId) {
        Run run = run(runId);
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
    public RunTask finishTask(long runId, String key, String publicId, long memberId, Map<String, Boolean> checks, String note) {
        Run run = run(runId);
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

    public List<Run> runs() {
        return runs.runs();
    }

    public Run run(long id) {
        return runs.run(id).orElseThrow(() -> new NotFoundException("run", id));
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
        runs.log(runId, clock.instant(), "CANCELLED", reason.strip());
        notices.cancelled(run, reason.strip());
        ledger.record("run.cancelled", Map.of("run", runId, "design", run.designSlug(), "reason", reason.strip()));
        return run(runId);
    }

    /**
     * A steward confirms someone from a waitlist, giving them a place beyond the seats (the steward's call: a
     * bigger crew, a trusted hand); their fee is charged as for anyone confirmed.
     */
    @Transactional
    public Signup confirm(long runId, long signupId) {
        Run run = run(runId);
        runs.lock(runId);
        Signup s = signups.of(runId).stream().filter(x -> x.id() == signupId).findFirst()
            .orElseThrow(() -> new NotFoundException("sign-up of run " + runId, signupId));
        if (s.status() != SignupStatus.WAITLISTED) {
            throw new ConflictException(s.name() + " is " + s.status().name().toLowerCase() + ", not on the waitlist.");
        }
        if (!run.status().takesSignUps()) {
            throw new ConflictException("Sign-up for this run is closed: it is " + run.status().label() + ".");
        }
        runs.setSignupStatus(s.id(), SignupStatus.CONFIRMED);
        fees.charge(run, s);
        runs.log(runId, clock.instant(), "CONFIRMED", s.publicId() + " confirmed from the waitlist by a steward.");
        notices.seatConfirmed(run, s, true);
        return signups.of(runId).stream().filter(x -> x.id() == signupId).findFirst().orElseThrow();
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

    /** General crew places: the crew target less the seats reserved for roles. */
    public int generalSeats(Run run) {
        return run.crewTarget() - runs.seats(run.id()).stream().mapToInt(Seat::seats).sum();
    }

    private static void check(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            problems.add(new FieldProblem(field, "a whole number from " + min + " to " + max));
        }
    }

    /** The (skill, level) pairs the design's tasks need: holding any one qualifies a member for the crew. */
    public Set<String> crewSkills(Run run) {
        Set<String> needs = new LinkedHashSet<>();
        for (BuildTask t : designs.view(run.designSlug(), run.version()).tasks().tasks()) {
            for (SkillNeed s : t.skills()) {
                needs.add(s.skill() + " ≥ " + s.level());
            }
        }
        return needs;
    }

    public boolean qualifiesForCrew(Run run, long memberId) {
        for (BuildTask t : designs.view(run.designSlug(), run.version()).tasks().tasks()) {
            for (SkillNeed s : t.skills()) {
                if (merit.levelOf(memberId, s.skill()) >= s.level()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Joins as general crew or as a trainee. */
    @Transactional
    public Signup signUp(long runId, long memberId, SignupRole role) {
        return signUp(runId, memberId, role, null);
    }

    /**
     * Joins a run as crew (in a role's seat, or general crew when {@code seatId} is null) or trainee. A role's seat
     * needs its badge; the refusal names the badge, the level held and the modules that would qualify. Seats are
     * counted under a lock on the run, so two members racing for the last seat get one seat and one waitlist place.
     */
    @Transactional
    public Signup signUp(long runId, long memberId, SignupRole role, Long seatId) {
        Run run = run(runId);
        if (!run.status().takesSignUps()) {
            throw new ConflictException("Sign-up for this run is closed: it is " + run.status().label() + ".");
        }
        if (role == null) {
            throw InvalidInputException.of("role", "join as CREW or TRAINEE");
        }
        Seat seat = null;
        if (seatId != null) {
            if (role == SignupRole.TRAINEE) {
                throw InvalidInputException.of("seat", "seats by role are for crew; trainees join without one");
            }
            seat = runs.seats(runId).stream().filter(x -> x.id() == seatId).findFirst()
                .orElseThrow(() -> InvalidInputException.of("seat", "this run has no seat " + seatId + "; see its roles"));
            var gate = learning.gate(memberId, seat.skill(), seat.level());
            if (!gate.allowed()) {
                throw new ConflictException("The " + seat.label() + " seat needs the " + seat.skill() + " badge at level " + seat.level()
                        + "; you hold " + (gate.heldLevel() == 0 ? "none" : "level " + gate.heldLevel()) + "."
                        + (gate.qualifyingModules().isEmpty() ? " Ask a steward how to learn it."
                            : " Learn: " + String.join(", ", gate.qualifyingModules().stream().map(m -> m.title() + " (" + m.minutes() + " min)").toList()) + "."));
            }
        } else if (role == SignupRole.CREW && !qualifiesForCrew(run, memberId)) {
            throw new ConflictException("To join the crew you need one of the badges this build uses: " + String.join(", ", crewSkills(run))
                    + ". You hold none of them yet: take a module at /learn, or join as a trainee.");
        }
        runs.lock(runId);
        Signup existing = signups.of(runId).stream().filter(s -> s.memberId() == memberId).findFirst().orElse(null);
        if (existing != null && existing.status() == SignupStatus.CONFIRMED) {
            throw new ConflictException("You are signed up for this run already.");
        }
        long places = seat != null ? seat.seats() : role == SignupRole.CREW ? generalSeats(run) : run.traineeSeats();
        SignupStatus status = runs.confirmed(runId, role, seatId) < places ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED;
        if (existing != null && existing.status() == SignupStatus.WAITLISTED && status != SignupStatus.CONFIRMED) {
            throw new ConflictException("You are on a waitlist for this run already; you can move only to a free seat.");
        }
        if (existing != null) { // back after leaving, or off a waitlist into a free seat
            runs.rejoin(existing.id(), role, status, seatId, clock.instant());
        } else {
            runs.insertSignup(runId, memberId, role, status, seatId, clock.instant());
        }
        Signup made = signups.of(runId).stream().filter(s -> s.memberId() == memberId && s.status() == status).findFirst().orElseThrow();
        if (status == SignupStatus.CONFIRMED) {
            fees.charge(run, made);
            notices.seatConfirmed(run, made, false);
        }
        return signups.of(runId).stream().filter(s -> s.id() == made.id()).findFirst().orElseThrow();
    }

    /**
     * Leaves a run; the first on the waitlist for that role takes the seat. A scheduled or running build is
     * replanned around the gap, keeping started work; if it cannot be, it reopens (or, once work has started,
     * the withdrawal is refused with the reason).
     */
    @Transactional
    public void withdraw(long runId, long memberId) {
        Run run = run(runId);
        runs.lock(runId);
        Signup mine = signups.of(runId).stream().filter(s -> s.memberId() == memberId && s.status() != SignupStatus.WITHDRAWN).findFirst()
                .orElseThrow(() -> new ConflictException("You are not signed up for this run."));
        runs.setSignupStatus(mine.id(), SignupStatus.WITHDRAWN);
        fees.settle(mine, false);
        if (mine.status() == SignupStatus.CONFIRMED) {
            signups.of(runId).stream().filter(s -> s.role() == mine.role() && Objects.equals(s.seatId(), mine.seatId())
                    && s.status() == SignupStatus.WAITLISTED).findFirst()
                    .ifPresent(next -> {
                        runs.setSignupStatus(next.id(), SignupStatus.CONFIRMED);
                        fees.charge(run, next);
                        notices.seatConfirmed(run, next, true);
                    });
            if (run.status().live()) {
                replanning.replanWithout(run, mine);
            }
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
        return result;
    }
}
