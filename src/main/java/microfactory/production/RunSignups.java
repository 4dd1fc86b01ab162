package microfactory.production;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.BuildTask;
import microfactory.designs.DesignService;
import microfactory.designs.SkillNeed;
import microfactory.learning.LearningService;
import microfactory.merit.MeritService;

/**
 * Who builds: members join a run as crew (general, or a role's seat that needs its badge) or as trainees, wait on a
 * waitlist when it is full, leave (the next on the waitlist takes the place, and a live build is replanned), and a
 * steward confirms from the waitlist. Fees are charged and notices sent as places are given.
 */
@Component
class RunSignups {

    private final ProductionRepository runs;
    private final Signups signups;
    private final RunFees fees;
    private final RunNotices notices;
    private final RunReplanning replanning;
    private final DesignService designs;
    private final LearningService learning;
    private final MeritService merit;
    private final Clock clock;

    RunSignups(ProductionRepository runs, Signups signups, RunFees fees, RunNotices notices, RunReplanning replanning,
               DesignService designs, LearningService learning, MeritService merit, Clock clock) {
        this.runs = runs;
        this.signups = signups;
        this.fees = fees;
        this.notices = notices;
        this.replanning = replanning;
        this.designs = designs;
        this.learning = learning;
        this.merit = merit;
        this.clock = clock;
    }

    /** General crew places: the crew target less the seats reserved for roles. */
    int generalSeats(Run run) {
        return run.crewTarget() - runs.seats(run.id()).stream().mapToInt(Seat::seats).sum();
    }

    /** Whether this member could have a seat in the run now: as crew (they qualify) or as a trainee. */
    boolean hasRoomFor(Run run, long memberId) {
        return runs.confirmed(run.id(), SignupRole.TRAINEE, null) < run.traineeSeats()
                || (qualifiesForCrew(run, memberId) && runs.confirmed(run.id(), SignupRole.CREW, null) < generalSeats(run));
    }

    /**
     * A steward confirms someone from a waitlist, giving them a place beyond the seats (the steward's call: a
     * bigger crew, a trusted hand); their fee is charged as for anyone confirmed.
     */
    @Transactional
    Signup confirm(long runId, long signupId) {
        Run run = runs.require(runId);
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

    /** The (skill, level) pairs the design's tasks need: holding any one qualifies a member for the crew. */
    Set<String> crewSkills(Run run) {
        Set<String> needs = new LinkedHashSet<>();
        for (BuildTask t : designs.view(run.designSlug(), run.version()).tasks().tasks()) {
            for (SkillNeed s : t.skills()) {
                needs.add(s.skill() + " ≥ " + s.level());
            }
        }
        return needs;
    }

    boolean qualifiesForCrew(Run run, long memberId) {
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
    Signup signUp(long runId, long memberId, SignupRole role) {
        return signUp(runId, memberId, role, null);
    }

    /**
     * Joins a run as crew (in a role's seat, or general crew when {@code seatId} is null) or trainee. A role's seat
     * needs its badge; the refusal names the badge, the level held and the modules that would qualify. Seats are
     * counted under a lock on the run, so two members racing for the last seat get one seat and one waitlist place.
     */
    @Transactional
    Signup signUp(long runId, long memberId, SignupRole role, Long seatId) {
        Run run = runs.require(runId);
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
    void withdraw(long runId, long memberId) {
        Run run = runs.require(runId);
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
}
