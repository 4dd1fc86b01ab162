package microfactory.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for personal access tokens. Only {@link AccessTokens} uses it. */
@Repository
class AccessTokenRepository {

    private static final String COLUMNS = "id, name, scope, created_at, last_used_at, revoked_at";

    record Owner(long tokenId, long memberId, TokenScope scope, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    AccessTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long memberId, String name, String hash, TokenScope scope, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into access_token (member_id, name, token_hash, scope, created_at) values (:m, :n, :h, :s, :at)")
            .param("m", memberId).param("n", name).param("h", hash).param("s", scope.name()).param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<AccessToken> of(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from access_token where member_id = :m order by id desc").param("m", memberId)
                .query(AccessTokenRepository::token).list();
    }

    Optional<AccessToken> find(long memberId, long id) {
        return jdbc.sql("select " + COLUMNS + " from access_token where member_id = :m and id = :id").param("m", memberId)
                .param("id", id).query(AccessTokenRepository::token).optional();
    }

    /** The owner of an active token with this hash. */
    Optional<Owner> owner(String hash) {
        return jdbc.sql("select id, member_id, scope, last_used_at from access_token where token_hash = :h and revoked_at is null")
                .param("h", hash)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2), TokenScope.valueOf(rs.getString(3)),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void used(long id, Instant at) {
        jdbc.sql("update access_token set last_used_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id).update();
    }

    void revoke(long id, Instant at) {
        jdbc.sql("update access_token set revoked_at = :at where id = :id and revoked_at is null")
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private static AccessToken token(ResultSet rs, int row) throws SQLException {
        return new AccessToken(rs.getLong(1), rs.getString(2), TokenScope.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
    }
}
