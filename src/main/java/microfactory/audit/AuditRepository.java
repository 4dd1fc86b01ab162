package microfactory.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the audit log. Only {@link AuditLog} uses it. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String actor, AuditAction action, String subject, String before, String after) {
        jdbc.sql("""
                insert into audit_event (at, actor, action, subject, before_state, after_state)
                values (:at, :actor, :action, :subject, :before, :after)""")
            .param("at", Timestamp.from(at)).param("actor", actor).param("action", action.name())
            .param("subject", subject).param("before", before).param("after", after).update();
    }

    /** Newest first; optionally one action only, and only events before an id (for paging). */
    List<AuditEvent> latest(AuditAction action, Long beforeId, int limit) {
        return jdbc.sql("""
                select id, at, actor, action, subject, before_state, after_state from audit_event
                 where (cast(:action as varchar) is null or action = :action)
                   and (cast(:before as bigint) is null or id < :before)
                 order by id desc limit :limit""")
            .param("action", action == null ? null : action.name()).param("before", beforeId).param("limit", limit)
            .query((rs, n) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                    AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
            .list();
    }
}
