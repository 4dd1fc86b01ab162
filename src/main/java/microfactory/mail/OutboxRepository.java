package microfactory.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the outbox. Only {@link Mailer} uses it. */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Instant at, String recipient, String subject, String body, MailStatus status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into mail_outbox (created_at, recipient, subject, body, status)
                values (:at, :to, :subject, :body, :status)""")
            .param("at", Timestamp.from(at)).param("to", recipient).param("subject", subject).param("body", body)
            .param("status", status.name()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :at, body = null, error = null where id = :id")
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("update mail_outbox set status = 'FAILED', error = :e where id = :id")
            .param("e", error.length() > 500 ? error.substring(0, 500) : error).param("id", id).update();
    }

    List<OutboxMail> latest(int limit) {
        return jdbc.sql("""
                select id, created_at, recipient, subject, body, status, error, sent_at from mail_outbox
                 order by id desc limit :limit""")
            .param("limit", limit)
            .query((rs, n) -> new OutboxMail(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                    rs.getString(5), MailStatus.valueOf(rs.getString(6)), rs.getString(7),
                    rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
            .list();
    }
}
