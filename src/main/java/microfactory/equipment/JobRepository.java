package microfactory.equipment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import microfactory.equipment.jobfiles.Envelope;
import microfactory.equipment.jobfiles.JobFileKind;

/** SQL for machines' work envelopes and bookings' job files. */
@Repository
class JobRepository {

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void setEnvelope(long machineId, int x, int y, int z, Integer rapid, Integer cut) {
        jdbc.sql("update machine set envelope_x_mm = :x, envelope_y_mm = :y, envelope_z_mm = :z, rapid_mm_per_min = :r, cut_mm_per_min = :c"
                + " where id = :id")
            .param("x", x).param("y", y).param("z", z).param("r", rapid).param("c", cut).param("id", machineId).update();
    }

    Optional<Integer> cut(long machineId) {
        return jdbc.sql("select cut_mm_per_min from machine where id = :id and cut_mm_per_min is not null").param("id", machineId)
            .query(Integer.class).optional();
    }

    Optional<Envelope> envelope(long machineId) {
        return jdbc.sql("select envelope_x_mm, envelope_y_mm, envelope_z_mm from machine where id = :id and envelope_x_mm is not null")
            .param("id", machineId).query((rs, n) -> new Envelope(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional();
    }

    Optional<Integer> rapid(long machineId) {
        return jdbc.sql("select rapid_mm_per_min from machine where id = :id and rapid_mm_per_min is not null").param("id", machineId)
            .query(Integer.class).optional();
    }

    void replaceJob(long bookingId, JobFileKind kind, String fileName, int lines, int moves, int seconds, int toolChanges, String bounds, String svg,
                    Instant now) {
        jdbc.sql("delete from machine_job where booking_id = :b").param("b", bookingId).update();
        jdbc.sql("""
                insert into machine_job (booking_id, kind, file_name, lines, moves, seconds, tool_changes, bounds, svg, created_at)
                values (:b, :k, :f, :l, :m, :s, :t, :bounds, :svg, :now)""")
            .param("b", bookingId).param("k", kind.name()).param("f", fileName).param("l", lines).param("m", moves).param("s", seconds).param("t", toolChanges)
            .param("bounds", bounds).param("svg", svg).param("now", Timestamp.from(now)).update();
    }

    Optional<JobSummary> job(long bookingId) {
        return jdbc.sql("""
                select j.file_name, j.lines, j.moves, j.seconds, j.bounds, j.tool_changes, b.starts_at, b.ends_at, j.kind
                  from machine_job j join machine_booking b on b.id = j.booking_id where j.booking_id = :b""")
            .param("b", bookingId).query((rs, n) -> {
                int minutes = (rs.getInt(4) + 59) / 60;
                Instant start = rs.getTimestamp(7).toInstant();
                Instant end = rs.getTimestamp(8).toInstant();
                Instant suggested = start.plus(Duration.ofMinutes((minutes + 14) / 15 * 15L));
                return new JobSummary(bookingId, JobFileKind.valueOf(rs.getString(9)), rs.getString(1), rs.getInt(2), rs.getInt(3), minutes, rs.getString(5), rs.getInt(6),
                        suggested, !suggested.isAfter(end), "/equipment/bookings/" + bookingId + "/job.svg");
            }).optional();
    }

    Optional<String> svg(long bookingId) {
        return jdbc.sql("select svg from machine_job where booking_id = :b").param("b", bookingId).query(String.class).optional();
    }
}
