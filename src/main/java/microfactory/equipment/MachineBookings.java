package microfactory.equipment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.learning.Gate;
import microfactory.learning.LearningService;
import microfactory.members.Member;
import microfactory.members.MemberMail;
import microfactory.members.MemberService;
import microfactory.members.PlanService;

/**
 * Members book machines between builds. The machine's badge gate is enforced; a slot is refused when every unit of
 * the machine is taken by other bookings or by a scheduled build's tasks, or when the machine is out of service.
 * Bookings of one machine are decided one at a time (its row is locked), so two members racing for the last unit
 * get one booking and one refusal.
 */
@Service
public class MachineBookings {

    private final BookingRepository bookings;
    private final EquipmentService equipment;
    private final LearningService learning;
    private final MemberService members;
    private final List<EquipmentUses> uses;
    private final MachineMaintenance maintenance;
    private final MemberMail mail;
    private final PlanService plans;
    private final Clock clock;
    private final int daysAhead;
    private final int hoursPerWeek;

    MachineBookings(BookingRepository bookings, EquipmentService equipment, LearningService learning, MemberService members,
                    List<EquipmentUses> uses, MachineMaintenance maintenance, MemberMail mail, PlanService plans, Clock clock, @Value("${microfactory.bookings.days-ahead:21}") int daysAhead,
                    @Value("${microfactory.bookings.hours-per-week:10}") int hoursPerWeek) {
        this.bookings = bookings;
        this.equipment = equipment;
        this.learning = learning;
        this.members = members;
        this.uses = uses;
        this.maintenance = maintenance;
        this.mail = mail;
        this.plans = plans;
        this.clock = clock;
        this.daysAhead = daysAhead;
        this.hoursPerWeek = hoursPerWeek;
    }

    /**
     * Books one unit of machine {@code code} for [start, end). A refusal is thrown before anything is written, so it does
     * not doom the caller's transaction (the demo books many slots in one and skips the taken ones).
     */
    @Transactional(noRollbackFor = {ConflictException.class, InvalidInputException.class, ForbiddenException.class})
    public Booking book(long memberId, String code, Instant start, Instant end) {
        Machine machine = equipment.machine(code);
        Instant now = clock.instant();
        BookingRule rule = ruleFor(memberId);
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(new FieldProblem("start", "when the slot starts, such as 2026-12-07T09:00:00Z"));
        }
        if (end == null) {
            problems.add(new FieldProblem("end", "when the slot ends"));
        }
        if (problems.isEmpty()) {
            if (!end.isAfter(start)) {
                problems.add(new FieldProblem("end", "the slot ends after it starts"));
            }
            if (start.isBefore(now.minus(5, ChronoUnit.MINUTES))) {
                problems.add(new FieldProblem("start", "the slot is in the past"));
            }
            if (start.isAfter(now.plus(rule.daysAhead(), ChronoUnit.DAYS))) {
                problems.add(new FieldProblem("start", "your plan books machines at most " + rule.daysAhead() + " days ahead"));
            } else if (start.isAfter(now.minus(5, ChronoUnit.MINUTES)) && start.isBefore(now.plus(rule.leadMinutes(), ChronoUnit.MINUTES))) {
                problems.add(new FieldProblem("start", "your plan books at least " + rule.leadMinutes() + " minutes ahead"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Gate gate = learning.gate(memberId, machine.skill(), machine.level());
        if (!gate.allowed()) {
            throw new ForbiddenException("Booking the " + machine.name() + " needs the " + machine.skill() + " badge at level "
                    + machine.level() + "; you hold " + (gate.heldLevel() == 0 ? "none" : "level " + gate.heldLevel()) + ". "
                    + (gate.qualifyingModules().isEmpty() ? "No module teaches that level yet: ask a steward for a sign-off."
                    : "Modules that qualify: " + gate.qualifyingModules().stream().map(m -> m.title() + " (/learn/" + m.code() + ")")
                        .collect(Collectors.joining(", ")) + "."));
        }
        if (!machine.inService()) {
            throw new ConflictException("The " + machine.name() + " is out of service: " + machine.statusReason());
        }
        bookings.lockMachine(machine.id());
        long weekMinutes = bookings.ofMember(memberId, start.minus(7, ChronoUnit.DAYS)).stream()
                .filter(b -> b.status() == BookingStatus.BOOKED && b.start().isBefore(start.plus(7, ChronoUnit.DAYS)))
                .mapToLong(b -> Duration.between(b.start(), b.end()).toMinutes()).sum();
        if (weekMinutes + Duration.between(start, end).toMinutes() > rule.hoursPerWeek() * 60L) {
            throw new ConflictException("Your plan gives at most " + rule.hoursPerWeek() + " hours of machine time a week: you have "
                    + weekMinutes / 60 + " h booked within a week of this slot.");
        }
        conflict(machine, start, end).ifPresent(why -> {
            throw new ConflictException("The " + machine.name() + " is taken then: " + why + ".");
        });
        long id = bookings.insert(machine.id(), memberId, start, end, now);
        return named(bookings.find(id).orElseThrow());
    }

    /**
     * The first moment in [start, end) when every unit of the machine is held (bookings, builds' tasks, maintenance),
     * described; empty when a unit is free throughout.
     */
    private Optional<String> conflict(Machine machine, Instant start, Instant end) {
        List<HeldSlot> held = new ArrayList<>(ownHolds(machine, start, end));
        uses.forEach(u -> held.addAll(u.commitments(machine, start, end)));
        held.sort(Comparator.comparing(HeldSlot::start));
        // Units in use change only where a hold starts: check the slot's start and every start inside it.
        List<Instant> moments = new ArrayList<>(List.of(start));
        held.stream().map(HeldSlot::start).filter(t -> t.isAfter(start) && t.isBefore(end)).forEach(moments::add);
        for (Instant t : moments) {
            List<HeldSlot> at = held.stream().filter(c -> !c.start().isAfter(t) && c.end().isAfter(t)).toList();
            if (at.stream().mapToInt(HeldSlot::units).sum() >= machine.count()) {
                return Optional.of(at.stream().map(HeldSlot::what).collect(Collectors.joining("; ")));
            }
        }
        return Optional.empty();
    }

    /** The machine's bookings and maintenance windows overlapping [from, to): what equipment itself holds it for. */
    private List<HeldSlot> ownHolds(Machine machine, Instant from, Instant to) {
        List<HeldSlot> held = new ArrayList<>();
        for (BookingRepository.Row b : bookings.overlapping(machine.id(), from, to)) {
            String holder = members.get(b.memberId()).publicId();
            held.add(new HeldSlot(HeldBy.BOOKING, machine.type(), b.start(), b.end(), 1, holder, "booked by " + holder + " "
                    + b.start() + " to " + b.end()));
        }
        for (MaintenanceRecord w : maintenance.windows(machine, from, to)) {
            held.add(new HeldSlot(HeldBy.MAINTENANCE, machine.type(), w.downFrom(), w.downUntil(), machine.count(), "maintenance",
                    "down for maintenance " + w.downFrom() + " to " + w.downUntil() + " (" + w.what() + ")"));
        }
        return held;
    }

    /** Everything holding the machine in [from, to) (bookings, builds, maintenance), earliest first: its calendar. */
    public List<HeldSlot> held(String code, Instant from, Instant to) {
        Machine machine = equipment.machine(code);
        List<HeldSlot> held = new ArrayList<>(ownHolds(machine, from, to));
        uses.forEach(u -> held.addAll(u.commitments(machine, from, to)));
        held.sort(Comparator.comparing(HeldSlot::start));
        return held;
    }

    /**
     * What builds cannot use in [from, to): every in-service machine's bookings and maintenance windows, so the scheduler
     * of production runs plans around them (out-of-service machines are not offered to it at all).
     */
    public List<HeldSlot> downtime(Instant from, Instant to) {
        List<HeldSlot> held = new ArrayList<>();
        equipment.machines().stream().filter(Machine::inService).forEach(m -> held.addAll(ownHolds(m, from, to)));
        return held;
    }

    /** Live bookings of a machine overlapping [from, to). */
    public List<Booking> bookings(String code, Instant from, Instant to) {
        Machine machine = equipment.machine(code);
        return bookings.overlapping(machine.id(), from, to).stream().map(this::named).toList();
    }

    /** A member's bookings that have not ended yet, cancelled ones included (with why). */
    public List<Booking> mine(long memberId) {
        return bookings.ofMember(memberId, clock.instant()).stream().map(this::named).toList();
    }

    /** The booking rule of the member's current plan, or the chapter's defaults. */
    public BookingRule ruleFor(long memberId) {
        return members.currentMembership(memberId).flatMap(ms -> bookings.rule(ms.planCode()))
                .orElse(new BookingRule(null, daysAhead, 0, hoursPerWeek));
    }

    public List<BookingRule> rules() {
        return bookings.rules();
    }

    /** Every plan's rule, the chapter's defaults where a plan has none: what stewards edit. */
    public List<BookingRule> planRules() {
        List<BookingRule> set = bookings.rules();
        return plans.all().stream().map(p -> set.stream().filter(r -> r.plan().equals(p.code())).findFirst()
                .orElse(new BookingRule(p.code(), daysAhead, 0, hoursPerWeek))).toList();
    }

    /** A steward sets a plan's booking rule. */
    @Transactional
    public BookingRule setRule(String planCode, Integer daysAhead, Integer leadMinutes, Integer hoursPerWeek) {
        plans.get(planCode); // the plan exists
        List<FieldProblem> problems = new ArrayList<>();
        if (daysAhead == null || daysAhead < 1 || daysAhead > 365) {
            problems.add(new FieldProblem("daysAhead", "from 1 to 365 days"));
        }
        if (leadMinutes == null || leadMinutes < 0 || leadMinutes > 10_080) {
            problems.add(new FieldProblem("leadMinutes", "from 0 to 10080 minutes (a week)"));
        }
        if (hoursPerWeek == null || hoursPerWeek < 1 || hoursPerWeek > 168) {
            problems.add(new FieldProblem("hoursPerWeek", "from 1 to 168 hours"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BookingRule rule = new BookingRule(planCode, daysAhead, leadMinutes, hoursPerWeek);
        bookings.saveRule(rule);
        return rule;
    }

    /**
     * Waits for a taken slot: when a booking in it is cancelled, the member is told by mail (once). The gate applies as
     * for a booking; a slot that is free now should simply be booked.
     */
    @Transactional
    public long waitFor(long memberId, String code, Instant start, Instant end) {
        Machine machine = equipment.machine(code);
        if (start == null || end == null || !end.isAfter(start) || end.isBefore(clock.instant())) {
            throw InvalidInputException.of("end", "a slot that ends after it starts, and not in the past");
        }
        Gate gate = learning.gate(memberId, machine.skill(), machine.level());
        if (!gate.allowed()) {
            throw new ForbiddenException("Waiting for the " + machine.name() + " needs the " + machine.skill() + " badge at level "
                    + machine.level() + ", as booking it does.");
        }
        if (conflict(machine, start, end).isEmpty() && machine.inService()) {
            throw new ConflictException("The " + machine.name() + " is free then: book it instead of waiting.");
        }
        return bookings.wait(machine.id(), memberId, start, end, clock.instant());
    }

    /** Cancels a booking: its booker may, or a steward. */
    @Transactional
    public Booking cancel(long bookingId, long actorId, boolean steward, String reason) {
        BookingRepository.Row b = bookings.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        if (b.memberId() != actorId && !steward) {
            throw new ForbiddenException("Only the member who booked it or a steward cancels a booking.");
        }
        if (b.status() == BookingStatus.CANCELLED) {
            throw new ConflictException("Booking " + bookingId + " is cancelled already.");
        }
        bookings.cancel(bookingId, reason == null || reason.isBlank() ? (b.memberId() == actorId ? "cancelled by the booker"
                : "cancelled by a steward") : reason.strip());
        Machine machine = equipment.machine(b.machine());
        for (long[] w : bookings.waiting(machine.id(), b.start(), b.end())) {
            mail.tell(w[1], "A slot of the " + machine.name() + " is free", "A booking of the " + machine.name() + " from " + b.start()
                    + " to " + b.end() + " was cancelled: the slot you waited for may be free. Book it on the machine's page before "
                    + "someone else does.\n");
            bookings.notified(w[0], clock.instant());
        }
        return named(bookings.find(bookingId).orElseThrow());
    }

    Booking byId(long id) {
        return named(bookings.find(id).orElseThrow(() -> new NotFoundException("booking", id)));
    }

    private Booking named(BookingRepository.Row r) {
        Member m = members.get(r.memberId());
        return new Booking(r.id(), r.machine(), r.memberId(), m.publicId(), r.start(), r.end(), r.status(), r.cancelReason(),
                r.startedAt(), r.finishedAt(), r.chargeTransfer());
    }
}
