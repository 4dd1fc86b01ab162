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
import microfactory.equipment.jobfiles.DxfReader;
import microfactory.equipment.jobfiles.Envelope;
import microfactory.equipment.jobfiles.JobFileProblem;
import microfactory.equipment.jobfiles.GcodeReader;
import microfactory.equipment.jobfiles.JobFileKind;
import microfactory.equipment.jobfiles.Outlines;
import microfactory.equipment.jobfiles.SvgOutlineReader;
import microfactory.equipment.jobfiles.Toolpath;
import microfactory.equipment.jobfiles.ToolpathSvg;

/**
 * The job a booking is for: a G-code file, or a DXF or SVG outline for a cutting table, read against the machine's
 * work envelope (what leaves it is refused naming its line), timed, and drawn as an SVG preview. Machines' envelopes
 * and speeds are set by stewards.
 */
@Service
public class JobFiles {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int DEFAULT_RAPID = 3000;
    /** A plasma table's cutting speed in thin steel; stewards set their machine's. */
    private static final int DEFAULT_CUT = 2000;
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

    /** A steward sets a machine's work envelope (mm) and, optionally, its rapid rate and cutting speed (mm/min). */
    @Transactional
    public void setEnvelope(String code, Integer x, Integer y, Integer z, Integer rapid, Integer cut) {
        Machine m = equipment.machine(code);
        for (var e : new Object[][] {{"xMm", x}, {"yMm", y}, {"zMm", z}}) {
            if (e[1] == null || (Integer) e[1] <= 0) {
                throw InvalidInputException.of((String) e[0], "a positive whole number of millimetres");
            }
        }
        if (rapid != null && rapid <= 0) {
            throw InvalidInputException.of("rapidMmPerMin", "a positive speed in mm per minute, or none");
        }
        if (cut != null && cut <= 0) {
            throw InvalidInputException.of("cutMmPerMin", "a positive cutting speed in mm per minute, or none");
        }
        jobs.setEnvelope(m.id(), x, y, z, rapid, cut);
    }

    /** The machine's work envelope (null when not set) and speeds as stewards set them (null: the defaults, given). */
    public record Settings(Envelope envelope, Integer rapidMmPerMin, Integer cutMmPerMin, int defaultRapid, int defaultCut) {
    }

    public Settings settings(String code) {
        long id = equipment.machine(code).id();
        return new Settings(envelope(id).orElse(null), jobs.rapid(id).orElse(null), jobs.cut(id).orElse(null), DEFAULT_RAPID, DEFAULT_CUT);
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
            throw InvalidInputException.of("file", "send the job file (G-code, DXF or SVG) as the request body");
        }
        if (file.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "the file is " + file.length / 1024 + " KB; a job file is at most " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        Machine m = equipment.machine(b.machine());
        Envelope envelope = envelope(m.id()).orElse(null);
        JobFileKind kind = JobFileKind.of(fileName, file);
        int rapid = jobs.rapid(m.id()).orElse(DEFAULT_RAPID);
        Toolpath t;
        try {
            String text = new String(file, StandardCharsets.UTF_8);
            t = switch (kind) {
                case GCODE -> GcodeReader.read(text, envelope, rapid);
                case DXF -> Outlines.toolpath(DxfReader.read(text), (int) text.lines().count(), envelope, jobs.cut(m.id()).orElse(DEFAULT_CUT), rapid);
                case SVG -> Outlines.toolpath(SvgOutlineReader.read(file), (int) text.lines().count(), envelope, jobs.cut(m.id()).orElse(DEFAULT_CUT),
                        rapid);
            };
        } catch (JobFileProblem e) {
            throw InvalidInputException.of("file", e.getMessage());
        }
        String name = fileName == null || fileName.isBlank() ? "job." + kind.label() : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        String bounds = String.format(Locale.ROOT, "X %.1f..%.1f, Y %.1f..%.1f, Z %.1f..%.1f mm", t.minX(), t.maxX(), t.minY(), t.maxY(),
                t.minZ(), t.maxZ());
        jobs.replaceJob(bookingId, kind, name, t.lines(), t.moves(), (int) Math.ceil(t.seconds()), t.toolChanges(), bounds,
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
