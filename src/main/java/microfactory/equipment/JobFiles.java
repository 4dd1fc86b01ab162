package microfactory.equipment;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final double DEFAULT_RAPID = 3000;
    private final JdbcClient jdbc;
    private final BookingRepository bookings;
    private final EquipmentService equipment;
    private final Clock clock;

    JobFiles(JdbcClient jdbc, BookingRepository bookings, EquipmentService equipment, Clock clock) {
        this.jdbc = jdbc;
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
        jdbc.sql("update machine set envelope_x_mm = :x, envelope_y_mm = :y, envelope_z_mm = :z, rapid_mm_per_min = :r where id = :id")
            .param("x", x).param("y", y).param("z", z).param("r", rapid).param("id", m.id()).update();
    }

    Optional<Envelope> envelope(long machineId) {
        return jdbc.sql("select envelope_x_mm, envelope_y_mm, envelope_z_mm from machine where id = :id and envelope_x_mm is not null")
            .param("id", machineId).query((rs, n) -> new Envelope(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional();
    }

    private double rapid(long machineId) {
        Integer r = jdbc.sql("select rapid_mm_per_min from machine where id = :id").param("id", machineId).query(Integer.class).optional()
            .orElse(null);
        return r == null ? DEFAULT_RAPID : r;
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
            t = GcodeReader.read(new String(file, StandardCharsets.UTF_8), envelope, rapid(m.id()));
        } catch (GcodeProblem e) {
            throw InvalidInputException.of("file", e.getMessage());
        }
        String name = fileName == null || fileName.isBlank() ? "job.gcode" : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        String bounds = String.format(Locale.ROOT, "X %.1f..%.1f, Y %.1f..%.1f, Z %.1f..%.1f mm", t.minX(), t.maxX(), t.minY(), t.maxY(),
                t.minZ(), t.maxZ());
        jdbc.sql("delete from machine_job where booking_id = :b").param("b", bookingId).update();
        jdbc.sql("""
                insert into machine_job (booking_id, file_name, lines, moves, seconds, tool_changes, bounds, svg, created_at)
                values (:b, :f, :l, :m, :s, :t, :bounds, :svg, :now)""")
            .param("b", bookingId).param("f", name).param("l", t.lines()).param("m", t.moves()).param("s", (int) Math.ceil(t.seconds()))
            .param("t", t.toolChanges()).param("bounds", bounds).param("svg", ToolpathSvg.of(t, envelope))
            .param("now", Timestamp.from(clock.instant())).update();
        return job(bookingId).orElseThrow();
    }

    public Optional<JobSummary> job(long bookingId) {
        return jdbc.sql("""
                select j.file_name, j.lines, j.moves, j.seconds, j.bounds, j.tool_changes, b.starts_at, b.ends_at
                  from machine_job j join machine_booking b on b.id = j.booking_id where j.booking_id = :b""")
            .param("b", bookingId).query((rs, n) -> {
                int minutes = (rs.getInt(4) + 59) / 60;
                Instant start = rs.getTimestamp(7).toInstant();
                Instant end = rs.getTimestamp(8).toInstant();
                Instant suggested = start.plus(Duration.ofMinutes((minutes + 14) / 15 * 15L));
                return new JobSummary(bookingId, rs.getString(1), rs.getInt(2), rs.getInt(3), minutes, rs.getString(5), rs.getInt(6),
                        suggested, !suggested.isAfter(end), "/equipment/bookings/" + bookingId + "/job.svg");
            }).optional();
    }

    public Optional<String> svg(long bookingId) {
        return jdbc.sql("select svg from machine_job where booking_id = :b").param("b", bookingId).query(String.class).optional();
    }
}
