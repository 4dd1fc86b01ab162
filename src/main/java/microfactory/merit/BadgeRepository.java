package microfactory.merit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for badges. */
@Repository
class BadgeRepository {

    private static final String COLUMNS = "id, member_id, skill, level, issued_at, expires_at, revoked_at, revoke_reason, source, ledger_index";
    private final JdbcClient jdbc;

    BadgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long memberId, String skill, int level, Instant issued, Instant expires, String source, long ledgerIndex) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into badge (member_id, skill, level, issued_at, expires_at, source, ledger_index)
                values (:m, :s, :l, :i, :e, :src, :idx)""")
            .param("m", memberId).param("s", skill).param("l", level).param("i", Timestamp.from(issued))
            .param("e", Timestamp.from(expires)).param("src", source).param("idx", ledgerIndex).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void revoke(long id, Instant at, String reason) {
        jdbc.sql("update badge set revoked_at = :at, revoke_reason = :r where id = :id")
            .param("at", Timestamp.from(at)).param("r", reason).param("id", id).update();
    }

    Optional<Badge> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from badge where id = :id").param("id", id).query(BadgeRepository::badge).optional();
    }

    List<Badge> ofMember(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from badge where member_id = :m order by skill, level desc, id")
            .param("m", memberId).query(BadgeRepository::badge).list();
    }

    List<Badge> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from badge order by issued_at desc, id desc limit :l").param("l", limit)
            .query(BadgeRepository::badge).list();
    }

    /** Badges in force that expire before {@code until} and whose holder was not told yet. */
    List<Badge> expiringUnnoticed(Instant now, Instant until) {
        return jdbc.sql("select " + COLUMNS + " from badge where revoked_at is null and expiry_noticed_at is null"
                + " and expires_at > :now and expires_at <= :until order by expires_at, id")
            .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).query(BadgeRepository::badge).list();
    }

    void noticed(long id, Instant at) {
        jdbc.sql("update badge set expiry_noticed_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id).update();
    }

    private static Badge badge(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Badge(rs.getLong("id"), rs.getLong("member_id"), rs.getString("skill"), rs.getInt("level"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoke_reason"), rs.getString("source"),
                rs.getLong("ledger_index"));
    }
}
