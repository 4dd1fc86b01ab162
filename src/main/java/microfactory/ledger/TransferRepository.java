package microfactory.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Transfers and their postings. */
@Repository
class TransferRepository {

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, String code, String memo, String member, TransferKind kind, String pendingId, TransferStatus status,
               Instant expiresAt, byte[] contentHash, long entryIndex, Instant createdAt) {
    }

    void insert(Row r) {
        jdbc.sql("""
                insert into ledger_transfer (id, code, memo, member, kind, pending_id, status, expires_at, content_hash,
                                             entry_index, created_at)
                values (:id, :code, :memo, :member, :kind, :pending, :status, :expires, :hash, :entry, :at)""")
            .param("id", r.id()).param("code", r.code()).param("memo", r.memo()).param("member", r.member())
            .param("kind", r.kind().name()).param("pending", r.pendingId()).param("status", r.status().name())
            .param("expires", r.expiresAt() == null ? null : Timestamp.from(r.expiresAt()))
            .param("hash", r.contentHash()).param("entry", r.entryIndex()).param("at", Timestamp.from(r.createdAt()))
            .update();
    }

    void insertPosting(String transferId, int seq, long accountId, Side side, long amount, String currency) {
        jdbc.sql("""
                insert into ledger_posting (transfer_id, seq, account_id, side, amount, currency)
                values (:t, :s, :a, :side, :amount, :c)""")
            .param("t", transferId).param("s", seq).param("a", accountId).param("side", side.name())
            .param("amount", amount).param("c", currency).update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("""
                select id, code, memo, member, kind, pending_id, status, expires_at, content_hash, entry_index, created_at
                  from ledger_transfer where id = :id""")
            .param("id", id).query(TransferRepository::row).optional();
    }

    List<Posting> postings(String transferId) {
        return jdbc.sql("""
                select a.code, p.side, p.amount, p.currency from ledger_posting p join ledger_account a on a.id = p.account_id
                 where p.transfer_id = :t order by p.seq""")
            .param("t", transferId)
            .query((rs, n) -> new Posting(rs.getString(1), Side.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4)))
            .list();
    }

    /** Postings with account ids, for settling or expiring a pending transfer. */
    List<PostingTotal> postingTotals(String transferId) {
        return jdbc.sql("select account_id, side, amount from ledger_posting where transfer_id = :t order by seq")
            .param("t", transferId)
            .query((rs, n) -> new PostingTotal(rs.getLong(1), Side.valueOf(rs.getString(2)), rs.getLong(3)))
            .list();
    }

    void setStatus(String id, TransferStatus status) {
        jdbc.sql("update ledger_transfer set status = :s where id = :id").param("s", status.name()).param("id", id).update();
    }

    List<String> pendingDueBy(Instant now) {
        return jdbc.sql("select id from ledger_transfer where status = 'PENDING' and expires_at <= :now order by expires_at, id")
            .param("now", Timestamp.from(now)).query(String.class).list();
    }

    /** Recent transfers touching an account, newest first. */
    List<String> recentForAccount(long accountId, int limit) {
        return jdbc.sql("""
                select t.id from ledger_transfer t
                 where exists (select 1 from ledger_posting p where p.transfer_id = t.id and p.account_id = :a)
                 order by t.entry_index desc, t.id limit :limit""")
            .param("a", accountId).param("limit", limit).query(String.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Row(rs.getString("id"), rs.getString("code"), rs.getString("memo"), rs.getString("member"),
                TransferKind.valueOf(rs.getString("kind")), rs.getString("pending_id"), TransferStatus.valueOf(rs.getString("status")),
                expires == null ? null : expires.toInstant(), rs.getBytes("content_hash"), rs.getLong("entry_index"),
                rs.getTimestamp("created_at").toInstant());
    }
}
