package microfactory.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log's rows. Only the ledger writes them, and only by appending. */
@Repository
class EntryRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    /** An entry row waiting to be written with others in one batch. */
    record Row(long index, String kind, byte[] body, byte[] leafHash, Instant at) {
    }

    EntryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Writes rows in one JDBC batch: one round trip instead of one per entry; and the members each names. */
    void insertAll(List<Row> rows) {
        batch.batchUpdate("insert into ledger_entry (idx, kind, body, leaf_hash, recorded_at) values (?, ?, ?, ?, ?)", rows, 500,
                (ps, r) -> {
                    ps.setLong(1, r.index());
                    ps.setString(2, r.kind());
                    ps.setBytes(3, r.body());
                    ps.setBytes(4, r.leafHash());
                    ps.setTimestamp(5, Timestamp.from(r.at()));
                });
        insertMembers(rows.stream().flatMap(r -> EntryMembers.of(r.body()).stream().map(m -> new Named(m, r.index()))).toList());
    }

    private record Named(String member, long index) {
    }

    private void insertMembers(List<Named> named) {
        if (!named.isEmpty()) {
            batch.batchUpdate("insert into ledger_entry_member (member, idx) values (?, ?)", named, 500, (ps, n) -> {
                ps.setString(1, n.member());
                ps.setLong(2, n.index());
            });
        }
    }

    /** Indexes the members of entries written before the index existed (a log from an older version), once. */
    void indexMembersIfMissing() {
        long indexed = jdbc.sql("select count(*) from ledger_entry_member").query(Long.class).single();
        if (indexed > 0) {
            return;
        }
        long size = jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
        for (long from = 0; from < size; from += 5_000) {
            insertMembers(range(from, from + 5_000).stream()
                    .flatMap(e -> EntryMembers.of(e.body()).stream().map(m -> new Named(m, e.index()))).toList());
        }
    }

    /** Streams every leaf hash in index order, to rebuild the tree at start-up. */
    void forEachLeafHash(BiConsumer<Long, byte[]> consumer) {
        jdbc.sql("select idx, leaf_hash from ledger_entry order by idx")
            .query(rs -> {
                consumer.accept(rs.getLong(1), rs.getBytes(2));
            });
    }

    Optional<LedgerEntry> find(long index) {
        return jdbc.sql("select idx, kind, recorded_at, body, leaf_hash from ledger_entry where idx = :i").param("i", index)
                .query((rs, n) -> entry(rs)).optional();
    }

    /**
     * Entries from the newest down, optionally of one kind (a prefix such as "transfer" matches "transfers") and
     * optionally naming one member (by pseudonym).
     */
    List<LedgerEntry> latest(String kindPrefix, String member, long before, int limit) {
        return jdbc.sql("""
                select e.idx, e.kind, e.recorded_at, e.body, e.leaf_hash from ledger_entry e
                 where (cast(:kind as varchar) is null or e.kind like :kind) and e.idx < :before
                   and (cast(:member as varchar) is null
                        or exists (select 1 from ledger_entry_member m where m.member = :member and m.idx = e.idx))
                 order by e.idx desc limit :limit""")
            .param("kind", kindPrefix == null || kindPrefix.isBlank() ? null : kindPrefix + "%")
            .param("member", member == null || member.isBlank() ? null : member.strip())
            .param("before", before).param("limit", limit)
            .query((rs, n) -> entry(rs)).list();
    }

    List<LedgerEntry> range(long from, long to) {
        return jdbc.sql("select idx, kind, recorded_at, body, leaf_hash from ledger_entry where idx >= :f and idx < :t order by idx")
            .param("f", from).param("t", to).query((rs, n) -> entry(rs)).list();
    }

    List<String> kinds() {
        return jdbc.sql("select distinct kind from ledger_entry order by kind").query(String.class).list();
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBytes(4), rs.getBytes(5));
    }
}
