package microfactory.equipment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.NotFoundException;
import microfactory.members.MemberPrincipal;

/** Machine bookings: anyone reads a machine's (holders by pseudonym); members book and cancel their own; stewards any. */
@RestController
class BookingsApi {

    private final MachineBookings bookings;
    private final Clock clock;
    private final MachineUse use;
    private final JobFiles jobs;

    BookingsApi(MachineBookings bookings, Clock clock, MachineUse use, JobFiles jobs) {
        this.jobs = jobs;
        this.use = use;
        this.bookings = bookings;
        this.clock = clock;
    }

    record Slot(Instant start, Instant end) {
    }

    record EnvelopeRequest(Integer xMm, Integer yMm, Integer zMm, Integer rapidMmPerMin, Integer cutMmPerMin) {
    }

    /** A steward sets the machine's work envelope, which job files are checked against. */
    @PutMapping("/api/v1/equipment/machines/{code}/envelope")
    Map<String, Object> envelope(@PathVariable String code, @RequestBody EnvelopeRequest e) {
        jobs.setEnvelope(code, e.xMm(), e.yMm(), e.zMm(), e.rapidMmPerMin(), e.cutMmPerMin());
        return Map.of("machine", code, "xMm", e.xMm(), "yMm", e.yMm(), "zMm", e.zMm());
    }

    /** The booking's job: a G-code, DXF or SVG file as the body ({@code name} its file name, which also tells the kind). */
    @PostMapping(value = "/api/v1/equipment/bookings/{id}/job", consumes = {"text/plain", "application/octet-stream", "text/x-gcode",
            "image/vnd.dxf", "application/dxf", "image/svg+xml"})
    JobSummary job(@PathVariable long id, @RequestParam(required = false) String name, @RequestBody byte[] file,
                   @AuthenticationPrincipal MemberPrincipal me) {
        return jobs.attach(id, me.memberId(), me.isSteward(), name, file);
    }

    @GetMapping("/api/v1/equipment/bookings/{id}/job")
    JobSummary jobOf(@PathVariable long id) {
        return jobs.job(id).orElseThrow(() -> new NotFoundException("job of booking", id));
    }

    /** Bookings overlapping [from, to); by default the coming two weeks. */
    @GetMapping("/api/v1/equipment/machines/{code}/bookings")
    List<Booking> of(@PathVariable String code, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant start = from == null ? clock.instant() : from;
        return bookings.bookings(code, start, to == null ? start.plus(14, ChronoUnit.DAYS) : to);
    }

    @PostMapping("/api/v1/equipment/machines/{code}/bookings")
    ResponseEntity<Booking> book(@PathVariable String code, @RequestBody Slot slot, @AuthenticationPrincipal MemberPrincipal me) {
        Booking b = bookings.book(me.memberId(), code, slot.start(), slot.end());
        return ResponseEntity.created(URI.create("/api/v1/equipment/machines/" + code + "/bookings?from=" + b.start())).body(b);
    }

    /** Waits for a taken slot; told by mail when a booking in it is cancelled. */
    @PostMapping("/api/v1/equipment/machines/{code}/waitlist")
    ResponseEntity<Map<String, Object>> waitFor(@PathVariable String code, @RequestBody Slot slot, @AuthenticationPrincipal MemberPrincipal me) {
        long id = bookings.waitFor(me.memberId(), code, slot.start(), slot.end());
        return ResponseEntity.status(201).body(Map.of("waiting", id, "machine", code, "start", slot.start(), "end", slot.end()));
    }

    record RuleRequest(Integer daysAhead, Integer leadMinutes, Integer hoursPerWeek) {
    }

    /** Booking rules per plan (public); plans without one follow the chapter's defaults. */
    @GetMapping("/api/v1/equipment/booking-rules")
    List<BookingRule> rules() {
        return bookings.rules();
    }

    @PutMapping("/api/v1/equipment/booking-rules/{plan}")
    BookingRule rule(@PathVariable String plan, @RequestBody RuleRequest r) {
        return bookings.setRule(plan, r.daysAhead(), r.leadMinutes(), r.hoursPerWeek());
    }

    @GetMapping("/api/v1/equipment/bookings/mine")
    List<Booking> mine(@AuthenticationPrincipal MemberPrincipal me) {
        return bookings.mine(me.memberId());
    }

    @PostMapping("/api/v1/equipment/bookings/{id}/start")
    Booking start(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
        return use.start(id, me.memberId(), me.isSteward());
    }

    @PostMapping("/api/v1/equipment/bookings/{id}/finish")
    Booking finish(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
        return use.finish(id, me.memberId(), me.isSteward());
    }

    /** Minutes of real use per machine and per member (pseudonym); by default the last 30 days. */
    @GetMapping("/api/v1/equipment/usage")
    MachineUse.Usage usage(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        return use.usage(from == null ? end.minus(30, ChronoUnit.DAYS) : from, end);
    }

    @DeleteMapping("/api/v1/equipment/bookings/{id}")
    Booking cancel(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
        return bookings.cancel(id, me.memberId(), me.isSteward(), null);
    }
}
