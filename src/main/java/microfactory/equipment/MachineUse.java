package microfactory.equipment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;
import microfactory.ledger.PostingRequest;
import microfactory.ledger.TransferRequest;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.PlanService;

/**
 * A booking's real use: the booker (or a steward) starts and finishes it on the machine; the minutes used are charged
 * at the machine's hourly rate to members whose plan does not give the usufruct right (or whose membership has lapsed),
 * as a ledger transfer in their pseudonym into {@value #INCOME}.
 */
@Service
public class MachineUse {

    static final String INCOME = "machine-income";
    private final BookingRepository bookings;
    private final EquipmentService equipment;
    private final MemberService members;
    private final PlanService plans;
    private final LedgerService ledger;
    private final ChapterSettings chapter;
    private final MachineBookings booked;
    private final Clock clock;

    MachineUse(BookingRepository bookings, EquipmentService equipment, MemberService members, PlanService plans, LedgerService ledger,
               ChapterSettings chapter, MachineBookings booked, Clock clock) {
        this.bookings = bookings;
        this.equipment = equipment;
        this.members = members;
        this.plans = plans;
        this.ledger = ledger;
        this.chapter = chapter;
        this.booked = booked;
        this.clock = clock;
    }

    /** Usage over a period: minutes of real use per machine and per member (by pseudonym). */
    public record Usage(Instant from, Instant to, Map<String, Long> minutesByMachine, Map<String, Long> minutesByMember) {
    }

    @Transactional
    public Booking start(long bookingId, long actorId, boolean steward) {
        BookingRepository.Row b = own(bookingId, actorId, steward);
        Instant now = clock.instant();
        if (b.status() != BookingStatus.BOOKED || b.startedAt() != null) {
            throw new ConflictException("Booking " + bookingId + (b.startedAt() != null ? " was started already." : " is cancelled."));
        }
        if (now.isBefore(b.start().minus(15, ChronoUnit.MINUTES)) || now.isAfter(b.end())) {
            throw new ConflictException("Booking " + bookingId + " runs from " + b.start() + " to " + b.end() + "; start it then.");
        }
        bookings.setStarted(bookingId, now);
        return find(bookingId);
    }

    /** Finishes the use and charges it when the member's plan does not include machine time. */
    @Transactional
    public Booking finish(long bookingId, long actorId, boolean steward) {
        BookingRepository.Row b = own(bookingId, actorId, steward);
        if (b.startedAt() == null || b.finishedAt() != null) {
            throw new ConflictException("Booking " + bookingId + (b.startedAt() == null ? " was not started." : " was finished already."));
        }
        Instant now = clock.instant();
        long minutes = Math.max(1, Duration.between(b.startedAt(), now).toMinutes());
        Machine m = equipment.machine(b.machine());
        Member member = members.get(b.memberId());
        String charge = null;
        if (m.hourlyRateMinor() != null && m.hourlyRateMinor() > 0 && !usufruct(member.id())) {
            long amount = (m.hourlyRateMinor() * minutes + 59) / 60;
            charge = "machine-use-" + bookingId;
            try {
                ledger.transfer(TransferRequest.of(charge, "machine-use", m.name() + ", " + minutes + " min (booking " + bookingId + ")",
                        PostingRequest.debit("bank", amount, chapter.currency()), PostingRequest.credit(INCOME, amount, chapter.currency()))
                        .forMember(member.publicId()));
            } catch (NotFoundException | InvalidInputException e) {
                throw new ConflictException("The use cannot be charged: the ledger needs 'bank' and '" + INCOME + "' accounts in "
                        + chapter.currency() + " (" + e.getMessage() + "). A steward opens them at /ledger.");
            }
        }
        bookings.setFinished(bookingId, now, charge);
        return find(bookingId);
    }

    public Usage usage(Instant from, Instant to) {
        Map<String, Long> byMachine = new TreeMap<>();
        Map<String, Long> byMember = new TreeMap<>();
        for (BookingRepository.Row r : bookings.used(null, from, to)) {
            long minutes = Duration.between(r.startedAt(), r.finishedAt()).toMinutes();
            byMachine.merge(r.machine(), minutes, Long::sum);
            byMember.merge(members.get(r.memberId()).publicId(), minutes, Long::sum);
        }
        return new Usage(from, to, byMachine, byMember);
    }

    private boolean usufruct(long memberId) {
        return members.currentMembership(memberId).map(ms -> ms.rightsHold() && plans.get(ms.planCode()).usufructRight()).orElse(false);
    }

    private BookingRepository.Row own(long bookingId, long actorId, boolean steward) {
        BookingRepository.Row b = bookings.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        if (b.memberId() != actorId && !steward) {
            throw new ForbiddenException("Only the member who booked it or a steward records its use.");
        }
        return b;
    }

    private Booking find(long id) {
        return booked.byId(id);
    }
}
