package microfactory.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the chapters followed, the evidence against them, and the cosignatures this chapter's witnesses gave it. */
@Repository
class NetworkRepository {

    private static final String PEER = """
            select id, url, name, origin, ledger_key, witness_key, status, reason, checked_at, verified_size, verified_root,
                   witnessed_size, witnessed_root, witnessed_at, followed_at from network_chapter""";

    private final JdbcClient jdbc;

    NetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String url, String name, String origin, String ledgerKey, String witnessKey, String description, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into network_chapter (url, name, origin, ledger_key, witness_key, description, status, followed_at)
                values (:url, :name, :origin, :ledger, :witness, :description, :status, :at)""")
            .param("url", url).param("name", name).param("origin", origin).param("ledger", ledgerKey).param("witness", witnessKey)
            .param("description", description).param("status", PeerStatus.UNVERIFIED.name()).param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Peer> all() {
        return jdbc.sql(PEER + " order by name").query(NetworkRepository::peer).list();
    }

    Optional<Peer> find(long id) {
        return jdbc.sql(PEER + " where id = :id").param("id", id).query(NetworkRepository::peer).optional();
    }

    Optional<Peer> byUrl(String url) {
        return jdbc.sql(PEER + " where url = :url").param("url", url).query(NetworkRepository::peer).optional();
    }

    Optional<Peer> byOrigin(String origin) {
        return jdbc.sql(PEER + " where origin = :o").param("o", origin).query(NetworkRepository::peer).optional();
    }

    /** The followed chapter's row, locked: what it was last cosigned at is checked and moved on by one request at a time. */
    Optional<Peer> lockByOrigin(String origin) {
        return jdbc.sql(PEER + " where origin = :o for update").param("o", origin).query(NetworkRepository::peer).optional();
    }

    void verified(long id, long size, String root, Instant at) {
        jdbc.sql("""
                update network_chapter set status = :s, reason = null, checked_at = :at, verified_size = :size, verified_root = :root
                 where id = :id""")
            .param("s", PeerStatus.VERIFIED.name()).param("at", Timestamp.from(at)).param("size", size).param("root", root)
            .param("id", id).update();
    }

    /** Marks the chapter unverified (or forked) with the reason; a forked chapter stays forked whatever comes after. */
    void unverified(long id, PeerStatus status, String reason, Instant at) {
        jdbc.sql("""
                update network_chapter set status = case when status = 'FORKED' then 'FORKED' else :s end, reason = :r, checked_at = :at
                 where id = :id""")
            .param("s", status.name()).param("r", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void witnessed(long id, long size, String root, Instant at) {
        jdbc.sql("update network_chapter set witnessed_size = :size, witnessed_root = :root, witnessed_at = :at where id = :id")
            .param("size", size).param("root", root).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void evidence(long chapterId, EvidenceKind kind, String detail, String seen, String other, Instant at) {
        jdbc.sql("""
                insert into network_evidence (chapter_id, kind, detail, seen, other, found_at)
                values (:c, :k, :d, :seen, :other, :at)""")
            .param("c", chapterId).param("k", kind.name()).param("d", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
            .param("seen", seen).param("other", other).param("at", Timestamp.from(at)).update();
    }

    List<Evidence> evidence() {
        return jdbc.sql("select id, chapter_id, kind, detail, seen, other, found_at from network_evidence order by found_at desc, id desc")
            .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), EvidenceKind.valueOf(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** Keeps a witness's latest cosignature of this chapter's checkpoint. */
    void cosignature(long chapterId, long size, String root, String line, Instant at) {
        int changed = jdbc.sql("update network_cosignature set size = :size, root = :root, line = :line, received_at = :at where chapter_id = :c")
            .param("size", size).param("root", root).param("line", line).param("at", Timestamp.from(at)).param("c", chapterId).update();
        if (changed == 0) {
            jdbc.sql("insert into network_cosignature (chapter_id, size, root, line, received_at) values (:c, :size, :root, :line, :at)")
                .param("c", chapterId).param("size", size).param("root", root).param("line", line).param("at", Timestamp.from(at)).update();
        }
    }

    /** The size of this chapter's log the witness last cosigned (0 when it never did). */
    long cosignedSize(long chapterId) {
        return jdbc.sql("select size from network_cosignature where chapter_id = :c").param("c", chapterId).query(Long.class).optional().orElse(0L);
    }

    /** The cosignature lines witnesses gave for the checkpoint of this size and root. */
    List<String> cosignatures(long size, String root) {
        return jdbc.sql("select line from network_cosignature where size = :size and root = :root order by chapter_id")
            .param("size", size).param("root", root).query(String.class).list();
    }

    private static final String IMPROVEMENT = """
            select i.id, i.chapter_id, c.name, i.design_slug, i.label, i.commit_id, i.licence, i.notes, i.changes, i.status, i.reason,
                   i.found_at, i.decided_at from network_improvement i join network_chapter c on c.id = i.chapter_id""";

    /** The BOM and tasks of a followed chapter's version of a design, as they were when it was first seen. */
    Optional<String[]> seenFiles(long chapterId, String slug, String label) {
        return jdbc.sql("select bom, tasks from network_improvement where chapter_id = :c and design_slug = :s and label = :l")
            .param("c", chapterId).param("s", slug).param("l", label).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    void insertImprovement(long chapterId, String slug, String label, String commit, String licence, String notes, String bom, String tasks,
                           String changes, ImprovementStatus status, String reason, Instant at) {
        jdbc.sql("""
                insert into network_improvement (chapter_id, design_slug, label, commit_id, licence, notes, bom, tasks, changes, status, reason, found_at)
                values (:c, :s, :l, :commit, :licence, :notes, :bom, :tasks, :changes, :status, :reason, :at)""")
            .param("c", chapterId).param("s", slug).param("l", label).param("commit", commit).param("licence", licence)
            .param("notes", cut(notes, 2000)).param("bom", bom).param("tasks", tasks).param("changes", cut(changes, 4000))
            .param("status", status.name()).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    List<Improvement> improvements() {
        return jdbc.sql(IMPROVEMENT + " order by i.found_at desc, i.id desc").query(NetworkRepository::improvement).list();
    }

    Optional<Improvement> improvement(long id) {
        return jdbc.sql(IMPROVEMENT + " where i.id = :id").param("id", id).query(NetworkRepository::improvement).optional();
    }

    /** The improvement's files, as the followed chapter's repository held them. */
    Optional<String[]> improvementFiles(long id) {
        return jdbc.sql("select bom, tasks from network_improvement where id = :id for update").param("id", id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    void decide(long id, ImprovementStatus status, String reason, Instant at) {
        jdbc.sql("update network_improvement set status = :s, reason = :r, decided_at = :at where id = :id")
            .param("s", status.name()).param("r", reason).param("at", Timestamp.from(at)).param("id", id).update();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static Improvement improvement(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(13);
        return new Improvement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), ImprovementStatus.valueOf(rs.getString(10)), rs.getString(11),
                rs.getTimestamp(12).toInstant(), decided == null ? null : decided.toInstant());
    }

    Optional<ChapterDescription.Place> place() {
        return jdbc.sql("select latitude, longitude from network_place where id = 1")
            .query((rs, n) -> new ChapterDescription.Place(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional();
    }

    void place(ChapterDescription.Place place) {
        int changed = jdbc.sql("update network_place set latitude = :lat, longitude = :lon where id = 1")
            .param("lat", place.latitude()).param("lon", place.longitude()).update();
        if (changed == 0) {
            jdbc.sql("insert into network_place (id, latitude, longitude) values (1, :lat, :lon)")
                .param("lat", place.latitude()).param("lon", place.longitude()).update();
        }
    }

    /** The descriptions followed chapters gave when they were followed, by chapter id. */
    Map<Long, String> descriptions() {
        Map<Long, String> all = new LinkedHashMap<>();
        jdbc.sql("select id, description from network_chapter order by name").query((rs, n) -> all.put(rs.getLong(1), rs.getString(2))).list();
        return all;
    }

    private static Peer peer(ResultSet rs, int n) throws SQLException {
        Timestamp checked = rs.getTimestamp(9);
        Timestamp witnessed = rs.getTimestamp(14);
        long verifiedSize = rs.getLong(10);
        Long verified = rs.wasNull() ? null : verifiedSize;
        return new Peer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                PeerStatus.valueOf(rs.getString(7)), rs.getString(8), checked == null ? null : checked.toInstant(), verified,
                rs.getString(11), rs.getLong(12), rs.getString(13), witnessed == null ? null : witnessed.toInstant(),
                rs.getTimestamp(15).toInstant());
    }
}
