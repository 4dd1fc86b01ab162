package microfactory.merit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for badge credentials and the revocation bits behind the status list. */
@Repository
class BadgeCredentialRepository {

    private final JdbcClient jdbc;

    BadgeCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves the credential's id and status bit before it is signed (the credential names both). */
    int reserve(long badgeId, String publicId, Instant at) {
        jdbc.sql("insert into badge_credential (badge_id, public_id, document, issued_at) values (:b, :p, '{}', :at)")
            .param("b", badgeId).param("p", publicId).param("at", Timestamp.from(at)).update();
        return jdbc.sql("select status_index from badge_credential where public_id = :p").param("p", publicId)
            .query(Integer.class).single();
    }

    void store(String publicId, String document) {
        jdbc.sql("update badge_credential set document = :d where public_id = :p").param("d", document).param("p", publicId).update();
    }

    Optional<StoredCredential> find(String publicId) {
        return jdbc.sql("select public_id, badge_id, document from badge_credential where public_id = :p").param("p", publicId)
            .query((rs, n) -> new StoredCredential(rs.getString(1), rs.getLong(2), rs.getString(3))).optional();
    }

    /** Credential ids of these badges (those that have one), in one query and without the documents. */
    Map<Long, String> idsOf(Collection<Long> badgeIds) {
        Map<Long, String> ids = new HashMap<>();
        if (!badgeIds.isEmpty()) {
            jdbc.sql("select badge_id, public_id from badge_credential where badge_id in (:b)").param("b", badgeIds)
                .query(rs -> {
                    ids.put(rs.getLong(1), rs.getString(2));
                });
        }
        return ids;
    }

    List<Integer> revokedIndexes() {
        return jdbc.sql("""
                select c.status_index from badge_credential c join badge b on b.id = c.badge_id
                where b.revoked_at is not null""").query(Integer.class).list();
    }

    int highestIndex() {
        return jdbc.sql("select coalesce(max(status_index), 0) from badge_credential").query(Integer.class).single();
    }

    record StoredCredential(String publicId, long badgeId, String document) {
    }
}
