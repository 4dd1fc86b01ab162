package microfactory.equipment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.FieldProblem;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.learning.Gate;
import microfactory.learning.LearningService;
import microfactory.members.MemberMail;
import microfactory.members.MemberService;

/**
 * Keeping machines fit: maintenance plans (every N hours of use or N days), what is due, and the log of maintenance
 * done or scheduled. A maintenance window takes the whole machine: bookings in it are cancelled with notice, and no
 * booking can take it.
 */
@Service
public class MachineMaintenance {

    private final MaintenanceRepository maintenance;
    private final BookingRepository bookings;
    private final EquipmentService equipment;
    private final LearningService learning;
    private final MemberService members;
    private final MemberMail mail;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MachineMaintenance(MaintenanceRepository maintenance, BookingRepository bookings, EquipmentService equipment, LearningService learning,
                       MemberService members, MemberMail mail, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.maintenance = maintenance;
        this.bookings = bookings;
        this.equipment = equipment;
        this.learning = learning;
        this.members = members;
        this.mail = mail;
        this.clock = clock;
    }

    /** A steward adds a plan; the badge it needs defaults to the machine's. */
    @Transactional
    public MaintenancePlan addPlan(String code, String task, Integer everyHours, Integer everyDays, String skill, Integer level) {
        Machine m = equipment.machine(code);
        List<FieldProblem> problems = new ArrayList<>();
        if (task == null || task.isBlank() || task.length() > 300) {
            problems.add(new FieldProblem("task", "say what to do, in at most 300 characters"));
        }
        if (everyHours == null && everyDays == null) {
            problems.add(new FieldProblem("everyDays", "how often: every so many days, or hours of use, or both"));
        }
        if ((everyHours != null && everyHours <= 0) || (everyDays != null && everyDays <= 0)) {
            problems.add(new FieldProblem(everyHours != null && everyHours <= 0 ? "everyHours" : "everyDays", "a positive whole number"));
        }
        if (level != null && (level < 1 || level > 5)) {
            problems.add(new FieldProblem("level", "a level from 1 to 5"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = maintenance.insertPlan(m.id(), task.strip(), everyHours, everyDays, skill == null || skill.isBlank() ? m.skill() : skill.strip(),
                level == null ? m.level() : level);
        return maintenance.plan(id).orElseThrow();
    }

    public List<MaintenancePlan> plans(String code) {
        return maintenance.plans(equipment.machine(code).id());
    }

    /**
     * Records maintenance done or scheduled by a member holding the badge it needs: what, parts, and the window the machine
     * is down. Bookings in the window are cancelled and their bookers told.
     */
    @Transactional
    public MaintenanceRecord record(String code, long memberId, Long planId, String what, String parts, Instant downFrom, Instant downUntil) {
        Machine m = equipment.machine(code);
        MaintenancePlan plan = null;
        if (planId != null) {
            plan = maintenance.plan(planId).filter(p -> p.machine().equals(code))
                    .orElseThrow(() -> InvalidInputException.of("plan", "no maintenance plan " + planId + " of " + code));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = what == null || what.isBlank() ? (plan == null ? null : plan.task()) : what.strip();
        if (text == null || text.length() > 1000) {
            problems.add(new FieldProblem("what", "say what was done, in at most 1,000 characters"));
        }
        if (downFrom == null || downUntil == null) {
            problems.add(new FieldProblem(downFrom == null ? "downFrom" : "downUntil", "when the machine was (or will be) down"));
        } else if (downUntil.isBefore(downFrom)) {
            problems.add(new FieldProblem("downUntil", "the machine is back after it went down"));
        } else if (downFrom.isAfter(clock.instant().plus(90, ChronoUnit.DAYS))) {
            problems.add(new FieldProblem("downFrom", "maintenance is scheduled at most 90 days ahead"));
        }
        if (parts != null && parts.length() > 1000) {
            problems.add(new FieldProblem("parts", "at most 1,000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String skill = plan == null ? m.skill() : plan.skill();
        int level = plan == null ? m.level() : plan.level();
        Gate gate = learning.gate(memberId, skill, level);
        if (!gate.allowed()) {
            throw new ForbiddenException("This maintenance needs the " + skill + " badge at level " + level + "; "
                    + members.get(memberId).publicId() + " holds " + (gate.heldLevel() == 0 ? "none" : "level " + gate.heldLevel()) + ".");
        }
        bookings.lockMachine(m.id());
        for (BookingRepository.Row b : bookings.overlapping(m.id(), downFrom, downUntil)) {
            bookings.cancel(b.id(), "the machine is down for maintenance");
            mail.tell(b.memberId(), "Your booking of the " + m.name() + " is cancelled", "The " + m.name() + " is down for maintenance "
                    + "from " + downFrom + " to " + downUntil + " (" + text + "), so your booking from " + b.start() + " to " + b.end()
                    + " is cancelled. Book another slot on the machine's page.\n");
        }
        long id = maintenance.insertRecord(m.id(), planId, memberId, text, parts == null ? "" : parts.strip(), downFrom, downUntil,
                clock.instant());
        if (downUntil.isAfter(clock.instant())) {
            events.publishEvent(new MachineDownScheduled(m, downFrom, downUntil, text)); // builds move their work out of the window
        }
        return named(maintenance.log(m.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow());
    }

    public List<MaintenanceRecord> log(String code) {
        return maintenance.log(equipment.machine(code).id()).stream().map(this::named).toList();
    }

    /** Every plan of every machine with whether it is due now. */
    public List<MaintenanceDue> due() {
        Instant now = clock.instant();
        List<MaintenanceDue> all = new ArrayList<>();
        for (MaintenancePlan p : maintenance.plans(null)) {
            Machine m = equipment.machine(p.machine());
            Instant last = maintenance.lastDone(p.id(), now).orElse(null);
            long hours = bookings.bookedMinutes(m.id(), last == null ? Instant.EPOCH : last, now) / 60;
            List<String> why = new ArrayList<>();
            if (p.everyDays() != null) {
                if (last == null) {
                    why.add("never done");
                } else if (Duration.between(last, now).toDays() >= p.everyDays()) {
                    why.add(Duration.between(last, now).toDays() + " days since it was last done (every " + p.everyDays() + ")");
                }
            }
            if (p.everyHours() != null && hours >= p.everyHours()) {
                why.add(hours + " hours of use since (every " + p.everyHours() + ")");
            }
            all.add(new MaintenanceDue(p, m.name(), last, hours, !why.isEmpty(), String.join("; ", why)));
        }
        return all;
    }

    /** Windows when the machine is down for maintenance, overlapping [from, to). */
    List<MaintenanceRecord> windows(Machine machine, Instant from, Instant to) {
        return maintenance.windows(machine.id(), from, to);
    }

    /** Maintenance a member did (windows starting) in [from, to): work that counts as value they generated. */
    public List<MaintenanceRecord> doneBy(long memberId, Instant from, Instant to) {
        return maintenance.by(memberId, from, to).stream().map(this::named).toList();
    }

    private MaintenanceRecord named(MaintenanceRecord r) {
        return new MaintenanceRecord(r.id(), r.machine(), r.plan(), r.memberId(), members.get(r.memberId()).publicId(), r.what(), r.parts(),
                r.downFrom(), r.downUntil());
    }
}
