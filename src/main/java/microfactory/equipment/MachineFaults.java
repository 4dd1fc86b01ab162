package microfactory.equipment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.members.MemberMail;
import microfactory.members.MemberService;

/**
 * Faults and lockout. Any member reports a fault; a blocking one takes the machine out of service at once (builds are
 * replanned by production on the status change), and whenever a machine goes out of service its coming bookings are
 * cancelled with notice. A steward resolves a fault with a note; the machine is back once no blocking fault is open.
 * Every status change is kept, for the machine's history and its uptime.
 */
@Service
public class MachineFaults {

    private final FaultRepository faults;
    private final BookingRepository bookings;
    private final EquipmentService equipment;
    private final MemberService members;
    private final MemberMail mail;
    private final Clock clock;

    MachineFaults(FaultRepository faults, BookingRepository bookings, EquipmentService equipment, MemberService members, MemberMail mail,
                  Clock clock) {
        this.faults = faults;
        this.bookings = bookings;
        this.equipment = equipment;
        this.members = members;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public Fault report(String code, long memberId, String summary, boolean blocking) {
        Machine m = equipment.machine(code);
        if (summary == null || summary.isBlank() || summary.length() > 500) {
            throw InvalidInputException.of("summary", "say what is wrong, in at most 500 characters");
        }
        long id = faults.insertFault(m.id(), memberId, summary.strip(), blocking, clock.instant());
        if (blocking && m.inService()) {
            equipment.setStatus(code, false, "fault: " + summary.strip());
        }
        return named(faults.fault(id).orElseThrow());
    }

    /** A steward resolves a fault; with no blocking fault left open the machine goes back into service. */
    @Transactional
    public Fault resolve(long faultId, String note) {
        FaultRepository.Row f = faults.fault(faultId).orElseThrow(() -> new NotFoundException("fault", faultId));
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw InvalidInputException.of("note", "say what was done about it, in at most 1,000 characters");
        }
        if (!faults.resolve(faultId, note.strip(), clock.instant())) {
            throw new ConflictException("Fault " + faultId + " is resolved already.");
        }
        Machine m = equipment.machine(f.machine());
        boolean blockingLeft = faults.faults(m.id()).stream().anyMatch(x -> x.blocking() && x.resolvedAt() == null);
        if (f.blocking() && !blockingLeft && !m.inService() && m.statusReason().startsWith("fault:")) {
            equipment.setStatus(m.code(), true, "");
        }
        return named(faults.fault(faultId).orElseThrow());
    }

    /** Keeps the status history, and cancels the coming bookings of a machine that went out of service. */
    @EventListener
    void statusChanged(MachineStatusChanged change) {
        Machine m = change.machine();
        Instant now = clock.instant();
        faults.insertEvent(m.id(), now, m.inService(), m.inService() ? "back in service" : m.statusReason());
        if (m.inService() || !change.wasInService()) {
            return;
        }
        for (BookingRepository.Row b : bookings.overlapping(m.id(), now, now.plus(3650, ChronoUnit.DAYS))) {
            bookings.cancel(b.id(), "the machine is out of service: " + m.statusReason());
            mail.tell(b.memberId(), "Your booking of the " + m.name() + " is cancelled", "The " + m.name() + " is out of service ("
                    + m.statusReason() + "), so your booking from " + b.start() + " to " + b.end() + " is cancelled. Its page says "
                    + "when it is back; book again then.\n");
        }
    }

    public MachineHistory history(String code) {
        Machine m = equipment.machine(code);
        List<StatusEvent> events = faults.events(m.id());
        return new MachineHistory(code, m.inService(), m.statusReason(), uptime(m, events), events,
                faults.faults(m.id()).stream().map(this::named).toList());
    }

    /** Every machine's uptime over the last 30 days (%), by code: one read of the history for the status board. */
    public Map<String, Double> uptimes() {
        Map<Long, List<StatusEvent>> events = faults.allEvents();
        Map<String, Double> uptime = new HashMap<>();
        for (Machine m : equipment.machines()) {
            uptime.put(m.code(), uptime(m, events.getOrDefault(m.id(), List.of())));
        }
        return uptime;
    }

    /** The share (in %) of the last 30 days the machine was in service, from its status history. */
    double uptime(Machine m, List<StatusEvent> events) {
        Instant now = clock.instant();
        Instant from = now.minus(30, ChronoUnit.DAYS);
        boolean initial = events.isEmpty() ? m.inService() : !events.get(0).inService(); // a change implies the state before it
        boolean in = stateAt(events, from, initial);
        long upMillis = 0;
        Instant t = from;
        for (StatusEvent e : events) {
            if (!e.at().isAfter(from)) {
                continue;
            }
            if (in) {
                upMillis += Duration.between(t, e.at()).toMillis();
            }
            t = e.at();
            in = e.inService();
        }
        if (in) {
            upMillis += Duration.between(t, now).toMillis();
        }
        return Math.round(1000.0 * upMillis / Duration.between(from, now).toMillis()) / 10.0;
    }

    private static boolean stateAt(List<StatusEvent> events, Instant at, boolean before) {
        boolean state = before;
        for (StatusEvent e : events) {
            if (e.at().isAfter(at)) {
                break;
            }
            state = e.inService();
        }
        return state;
    }

    private Fault named(FaultRepository.Row r) {
        return new Fault(r.id(), r.machine(), members.get(r.reportedBy()).publicId(), r.summary(), r.blocking(), r.reportedAt(),
                r.resolvedAt(), r.resolution());
    }
}
