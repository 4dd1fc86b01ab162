package microfactory.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for faults and machines' status history. Reporters are stored by id; the service names them by pseudonym. */
@Repository
class FaultRepository {

    private static final String FAULT = """
            select f.id, m.code, f.reported_by, f.summary, f.blocking, f.reported_at, f.resolved_at, f.resolution
              from machine_fault f join machine m on m.id = f.machine_id""";
    private final JdbcClient jdbc;

    FaultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertFault(long machineId, long memberId, String summary, boolean blocking, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into machine_fault (machine_id, reported_by, summary, blocking, reported_at)
                values (:m, :by, :s, :b, :at)""")
            .param("m", machineId).param("by", memberId).param("s", summary).param("b", blocking).param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> fault(long id) {
        return jdbc.sql(FAULT + " where f.id = :id").param("id", id).query(FaultRepository::row).optional();
    }

    List<Row> faults(long machineId) {
        return jdbc.sql(FAULT + " where f.machine_id = :m order by f.reported_at desc").param("m", machineId).query(FaultRepository::row).list();
    }

    boolean resolve(long id, String note, Instant at) {
        return jdbc.sql("update machine_fault set resolved_at = :at, resolution = :n where id = :id and resolved_at is null")
            .param("at", Timestamp.from(at)).param("n", note).param("id", id).update() == 1;
    }

    void insertEvent(long machineId, Instant at, boolean inService, String reason) {
        jdbc.sql("insert into machine_status_event (machine_id, at, in_service, reason) values (:m, :at, :s, :r)")
            .param("m", machineId).param("at", Timestamp.from(at)).param("s", inService).param("r", reason).update();
    }

    List<StatusEvent> events(long machineId) {
        return jdbc.sql("select at, in_service, reason from machine_status_event where machine_id = :m order by at, id")
            .param("m", machineId)
            .query((rs, n) -> new StatusEvent(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getString(3))).list();
    }

    /** Every machine's status events, oldest first, by machine id. */
    Map<Long, List<StatusEvent>> allEvents() {
        Map<Long, List<StatusEvent>> all = new HashMap<>();
        jdbc.sql("select machine_id, at, in_service, reason from machine_status_event order by at, id").query((rs, n) -> {
            all.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new StatusEvent(rs.getTimestamp(2).toInstant(), rs.getBoolean(3), rs.getString(4)));
            return null;
        }).list();
        return all;
    }

    /** A fault as stored. */
    record Row(long id, String machine, long reportedBy, String summary, boolean blocking, Instant reportedAt, Instant resolvedAt,
               String resolution) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp(7);
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString(8));
    }
}
