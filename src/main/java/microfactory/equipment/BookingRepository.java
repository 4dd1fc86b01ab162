package microfactory.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for machine bookings. Holders' pseudonyms are filled in by the service (the members feature's). */
@Repository
class BookingRepository {

    private static final String COLUMNS = """
            select b.id, m.code, b.member_id, b.starts_at, b.ends_at, b.status, b.cancel_reason, b.started_at, b.finished_at,
                   b.charge_transfer
              from machine_booking b join machine m on m.id = b.machine_id""";
    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the machine's row: bookings of one machine are decided one at a time, so two cannot take the last unit. */
    void lockMachine(long machineId) {
        jdbc.sql("select id from machine where id = :id for update").param("id", machineId).query(Long.class).single();
    }

    long insert(long machineId, long memberId, Instant start, Instant end, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into machine_booking (machine_id, member_id, starts_at, ends_at, status, created_at)
                values (:m, :p, :s, :e, 'BOOKED', :now)""")
            .param("m", machineId).param("p", memberId).param("s", Timestamp.from(start)).param("e", Timestamp.from(end))
            .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Live bookings of a machine overlapping [from, to), earliest first. */
    List<Row> overlapping(long machineId, Instant from, Instant to) {
        return jdbc.sql(COLUMNS + " where b.machine_id = :m and b.status = 'BOOKED' and b.starts_at < :t and b.ends_at > :f order by b.starts_at")
            .param("m", machineId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(BookingRepository::row).list();
    }

    /** Minutes of booked time on a machine in bookings that ended within [from, to): its use. */
    long bookedMinutes(long machineId, Instant from, Instant to) {
        return ofMachineEnded(machineId, from, to).stream().mapToLong(r -> Duration.between(r.start(), r.end()).toMinutes()).sum();
    }

    private List<Row> ofMachineEnded(long machineId, Instant from, Instant to) {
        return jdbc.sql(COLUMNS + " where b.machine_id = :m and b.status = 'BOOKED' and b.ends_at > :f and b.ends_at <= :t")
            .param("m", machineId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(BookingRepository::row).list();
    }

    List<Row> ofMember(long memberId, Instant from) {
        return jdbc.sql(COLUMNS + " where b.member_id = :p and b.ends_at > :f order by b.starts_at")
            .param("p", memberId).param("f", Timestamp.from(from)).query(BookingRepository::row).list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(COLUMNS + " where b.id = :id").param("id", id).query(BookingRepository::row).optional();
    }

    void cancel(long id, String reason) {
        jdbc.sql("update machine_booking set status = 'CANCELLED', cancel_reason = :r where id = :id").param("r", reason).param("id", id)
            .update();
    }

    long wait(long machineId, long memberId, Instant start, Instant end, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into machine_waitlist (machine_id, member_id, starts_at, ends_at, created_at)
                values (:m, :p, :s, :e, :now)""")
            .param("m", machineId).param("p", memberId).param("s", Timestamp.from(start)).param("e", Timestamp.from(end))
            .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Members waiting for a slot of the machine that overlaps [from, to) and not told yet: waitlist id and member id. */
    List<long[]> waiting(long machineId, Instant from, Instant to) {
        return jdbc.sql("""
                select id, member_id from machine_waitlist
                 where machine_id = :m and notified_at is null and starts_at < :t and ends_at > :f order by created_at""")
            .param("m", machineId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    void notified(long waitId, Instant at) {
        jdbc.sql("update machine_waitlist set notified_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", waitId).update();
    }

    Optional<BookingRule> rule(String planCode) {
        return jdbc.sql("select plan_code, days_ahead, lead_minutes, hours_per_week from booking_rule where plan_code = :p")
            .param("p", planCode).query((rs, n) -> new BookingRule(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).optional();
    }

    List<BookingRule> rules() {
        return jdbc.sql("select plan_code, days_ahead, lead_minutes, hours_per_week from booking_rule order by plan_code")
            .query((rs, n) -> new BookingRule(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list();
    }

    void saveRule(BookingRule r) {
        jdbc.sql("delete from booking_rule where plan_code = :p").param("p", r.plan()).update();
        jdbc.sql("insert into booking_rule (plan_code, days_ahead, lead_minutes, hours_per_week) values (:p, :d, :l, :h)")
            .param("p", r.plan()).param("d", r.daysAhead()).param("l", r.leadMinutes()).param("h", r.hoursPerWeek()).update();
    }

    /** A booking as stored; the service names its holder. */
    record Row(long id, String machine, long memberId, Instant start, Instant end, BookingStatus status, String cancelReason,
               Instant startedAt, Instant finishedAt, String chargeTransfer) {
    }

    void setStarted(long id, Instant at) {
        jdbc.sql("update machine_booking set started_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id).update();
    }

    void setFinished(long id, Instant at, String chargeTransfer) {
        jdbc.sql("update machine_booking set finished_at = :at, charge_transfer = :c where id = :id").param("at", Timestamp.from(at))
            .param("c", chargeTransfer).param("id", id).update();
    }

    /** Minutes of real use (started and finished) per machine code, or of one member, in [from, to). */
    List<Row> used(Long memberId, Instant from, Instant to) {
        return jdbc.sql(COLUMNS + " " + """
                 where b.finished_at is not null and b.started_at >= :f and b.started_at < :t
                   and (cast(:p as bigint) is null or b.member_id = :p) order by b.started_at""")
            .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).param("p", memberId).query(BookingRepository::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp started = rs.getTimestamp(8);
        Timestamp finished = rs.getTimestamp(9);
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                BookingStatus.valueOf(rs.getString(6)), rs.getString(7), started == null ? null : started.toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString(10));
    }
}
