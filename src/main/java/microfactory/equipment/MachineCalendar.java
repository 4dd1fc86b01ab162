package microfactory.equipment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.ICalendar;

/** Machines' calendars: a week grid per machine, and iCalendar feeds of a machine's holds and of a member's bookings. */
@Component
public class MachineCalendar {

    private final MachineBookings bookings;
    private final EquipmentService equipment;
    private final ChapterSettings chapter;
    private final Clock clock;

    MachineCalendar(MachineBookings bookings, EquipmentService equipment, ChapterSettings chapter, Clock clock) {
        this.bookings = bookings;
        this.equipment = equipment;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** The week from {@code first} (today when null) in the chapter's zone. */
    public MachineWeek week(String code, LocalDate first) {
        ZoneId zone = chapter.zone();
        LocalDate today = chapter.today(clock);
        LocalDate from = first == null ? today : first;
        return MachineWeek.of(from, bookings.held(code, from.atStartOfDay(zone).toInstant(), from.plusDays(7).atStartOfDay(zone).toInstant()),
                zone, today);
    }

    /** Everything holding the machine from a week ago to eight weeks ahead, holders by pseudonym: public, as its bookings are. */
    public String feed(String code) {
        Machine machine = equipment.machine(code);
        Instant now = clock.instant();
        ICalendar ics = new ICalendar(machine.name() + " · " + chapter.chapterName(), "Machine bookings", chapter.zone(), now);
        for (HeldSlot h : bookings.held(code, now.minus(7, ChronoUnit.DAYS), now.plus(56, ChronoUnit.DAYS))) {
            ics.add(code + "-" + h.by().label() + "-" + h.start().getEpochSecond() + "-" + Integer.toHexString(h.what().hashCode()),
                    h.start(), h.end(), machine.name() + ": " + (h.by() == HeldBy.BOOKING ? "booked by " : "") + h.who(),
                    machine.bayCode(), h.what(), false);
        }
        return ics.toString();
    }

    /** A member's bookings not ended yet; cancelled ones stay in the feed marked cancelled, so phones drop them. */
    public String mine(long memberId) {
        ICalendar ics = new ICalendar("My machine bookings · " + chapter.chapterName(), "Machine bookings", chapter.zone(), clock.instant());
        for (Booking b : bookings.mine(memberId)) {
            Machine m = equipment.machine(b.machine());
            ics.add("booking-" + b.id(), b.start(), b.end(), m.name() + (b.status() == BookingStatus.CANCELLED ? " (cancelled)" : ""),
                    m.bayCode() == null ? chapter.chapterName() : "bay " + m.bayCode() + ", " + chapter.chapterName(),
                    b.status() == BookingStatus.CANCELLED ? "Cancelled: " + b.cancelReason() : "Start and finish it on /equipment/my-bookings.",
                    b.status() == BookingStatus.CANCELLED);
        }
        return ics.toString();
    }
}
