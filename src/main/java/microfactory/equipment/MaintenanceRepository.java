package microfactory.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for maintenance plans and the maintenance log. */
@Repository
class MaintenanceRepository {

    private static final String PLAN = """
            select p.id, m.code, p.task, p.every_hours, p.every_days, p.skill, p.level
              from machine_maintenance_plan p join machine m on m.id = p.machine_id""";
    private static final String LOG = """
            select l.id, m.code, l.plan_id, l.member_id, l.what, l.parts, l.down_from, l.down_until
              from machine_maintenance l join machine m on m.id = l.machine_id""";
    private final JdbcClient jdbc;

    MaintenanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPlan(long machineId, String task, Integer everyHours, Integer everyDays, String skill, int level) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into machine_maintenance_plan (machine_id, task, every_hours, every_days, skill, level)
                values (:m, :t, :h, :d, :s, :l)""")
            .param("m", machineId).param("t", task).param("h", everyHours).param("d", everyDays).param("s", skill).param("l", level)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<MaintenancePlan> plans(Long machineId) {
        return jdbc.sql(PLAN + " where cast(:m as bigint) is null or p.machine_id = :m order by m.code, p.id").param("m", machineId)
            .query(MaintenanceRepository::plan).list();
    }

    Optional<MaintenancePlan> plan(long id) {
        return jdbc.sql(PLAN + " where p.id = :id").param("id", id).query(MaintenanceRepository::plan).optional();
    }

    long insertRecord(long machineId, Long planId, long memberId, String what, String parts, Instant from, Instant until, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into machine_maintenance (machine_id, plan_id, member_id, what, parts, down_from, down_until, recorded_at)
                values (:m, :p, :by, :w, :parts, :f, :u, :now)""")
            .param("m", machineId).param("p", planId).param("by", memberId).param("w", what).param("parts", parts)
            .param("f", Timestamp.from(from)).param("u", Timestamp.from(until)).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<MaintenanceRecord> log(long machineId) {
        return jdbc.sql(LOG + " where l.machine_id = :m order by l.down_from desc").param("m", machineId)
            .query(MaintenanceRepository::record).list();
    }

    /** Maintenance windows of a machine overlapping [from, to). */
    List<MaintenanceRecord> windows(long machineId, Instant from, Instant to) {
        return jdbc.sql(LOG + " where l.machine_id = :m and l.down_from < :t and l.down_until > :f order by l.down_from")
            .param("m", machineId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(MaintenanceRepository::record).list();
    }

    /** When a plan was last done (its latest window ending by now), if ever. */
    Optional<Instant> lastDone(long planId, Instant now) {
        return jdbc.sql("select max(down_until) from machine_maintenance where plan_id = :p and down_until <= :now")
            .param("p", planId).param("now", Timestamp.from(now)).query((rs, n) -> {
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }).optional();
    }

    /** Maintenance a member did in [from, to). */
    List<MaintenanceRecord> by(long memberId, Instant from, Instant to) {
        return jdbc.sql(LOG + " where l.member_id = :p and l.down_from >= :f and l.down_from < :t order by l.down_from")
            .param("p", memberId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(MaintenanceRepository::record).list();
    }

    private static MaintenancePlan plan(ResultSet rs, int n) throws SQLException {
        return new MaintenancePlan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class),
                rs.getObject(5, Integer.class), rs.getString(6), rs.getInt(7));
    }

    private static MaintenanceRecord record(ResultSet rs, int n) throws SQLException {
        return new MaintenanceRecord(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4), null, rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }
}
