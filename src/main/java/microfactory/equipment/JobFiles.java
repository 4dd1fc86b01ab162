package microfactory.equipment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.equipment.gcode.Envelope;
import microfactory.equipment.gcode.GcodeProblem;
import microfactory.equipment.gcode.GcodeReader;
import microfactory.equipment.gcode.Toolpath;
import microfactory.equipment.gcode.ToolpathSvg;

/**
 * The job a booking is for: a G-code file read against the machine's work envelope (a move outside it is refused
 * naming its line), timed, and drawn as an SVG preview. Machines' envelopes are set by stewards.
 */
@Service
public class JobFiles {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int DEFAULT_RAPID = 3000;
    private final JobRepository jobs;
    private final BookingRepository bookings;
    private final EquipmentService equipment;
    private final Clock clock;

    JobFiles(JobRepository jobs, BookingRepository bookings, EquipmentService equipment, Clock clock) {
        this.jobs = jobs;
        this.bookings = bookings;
        this.equipment = equipment;
        this.clock = clock;
    }

    /** A steward sets a machine's work envelope (mm) and, optionally, its rapid rate (mm/min). */
    @Transactional
    public void setEnvelope(String code, Integer x, Integer y, Integer z, Integer rapid) {
        Machine m = equipment.machine(code);
        for (var e : new Object[][] {{"xMm", x}, {"yMm", y}, {"zMm", z}}) {
            if (e[1] == null || (Integer) e[1] <= 0) {
                throw InvalidInputException.of((String) e[0], "a positive whole number of millimetres");
            }
        }
        if (rapid != null && rapid <= 0) {
            throw InvalidInputException.of("rapidMmPerMin", "a positive speed in mm per minute, or none");
        }
        jobs.setEnvelope(m.id(), x, y, z, rapid);
    }

    /** The machine's work envelope, if a steward set one. */
    public Optional<Envelope> envelope(String code) {
        return envelope(equipment.machine(code).id());
    }

    Optional<Envelope> envelope(long machineId) {
        return jobs.envelope(machineId);
    }

    /** Attaches a G-code job to a booking (its booker or a steward); replaces the one before. */
    @Transactional
    public JobSummary attach(long bookingId, long actorId, boolean steward, String fileName, byte[] file) {
        BookingRepository.Row b = bookings.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        if (b.memberId() != actorId && !steward) {
            throw new ForbiddenException("Only the member who booked it or a steward adds its job.");
        }
        if (file == null || file.length == 0) {
            throw InvalidInputException.of("file", "send the G-code file as the request body");
        }
        if (file.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "the file is " + file.length / 1024 + " KB; a job file is at most " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        Machine m = equipment.machine(b.machine());
        Envelope envelope = envelope(m.id()).orElse(null);
        Toolpath t;
        try {
            t = GcodeReader.read(new String(file, StandardCharsets.UTF_8), envelope, jobs.rapid(m.id()).orElse(DEFAULT_RAPID));
        } catch (GcodeProblem e) {
            throw InvalidInputException.of("file", e.getMessage());
        }
        String name = fileName == null || fileName.isBlank() ? "job.gcode" : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        String bounds = String.format(Locale.ROOT, "X %.1f..%.1f, Y %.1f..%.1f, Z %.1f..%.1f mm", t.minX(), t.maxX(), t.minY(), t.maxY(),
                t.minZ(), t.maxZ());
        jobs.replaceJob(bookingId, name, t.lines(), t.moves(), (int) Math.ceil(t.seconds()), t.toolChanges(), bounds,
                ToolpathSvg.of(t, envelope), clock.instant());
        return job(bookingId).orElseThrow();
    }

    public Optional<JobSummary> job(long bookingId) {
        return jobs.job(bookingId);
    }

    public Optional<String> svg(long bookingId) {
        return jobs.svg(bookingId);
    }
}
