package microfactory.designs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.PartKind;
import microfactory.designs.bom.Unit;

/** SQL for designs, versions, BOM lines and build tasks. */
@Repository
class DesignRepository {

    private static final String DESIGN = "id, slug, name, description, licence, authors, status, repo, forked_from, created_at, links";
    private static final String VERSION = "id, design_id, label, notes, created_at, reference_price_minor, service_months, output_material,"
        + " output_quantity, provenance";
    private final JdbcClient jdbc;

    DesignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertDesign(String slug, String name, String description, String licence, String authors, DesignStatus status, String repo,
                      Long forkedFrom, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into design (slug, name, description, licence, authors, status, repo, forked_from, created_at)
                values (:slug, :name, :description, :licence, :authors, :status, :repo, :forked, :at)""")
            .param("slug", slug).param("name", name).param("description", description).param("licence", licence)
            .param("authors", authors).param("status", status.name()).param("repo", repo).param("forked", forkedFrom)
            .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long insertVersion(long designId, String label, String notes, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into design_version (design_id, label, notes, created_at) values (:d, :l, :n, :at)")
            .param("d", designId).param("l", label).param("n", notes).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertLine(long versionId, int seq, BomLine l) {
        jdbc.sql("""
                insert into design_bom_line (version_id, seq, parent, part, quantity, unit, kind, unit_price_minor, currency,
                       supplier, material_class, material_quantity, material_unit, process, machine, material_code)
                values (:v, :seq, :parent, :part, :q, :unit, :kind, :price, :currency, :supplier, :mc, :mq, :mu, :process, :machine,
                        :code)""")
            .param("v", versionId).param("seq", seq).param("parent", l.parent()).param("part", l.part())
            .param("q", l.quantity()).param("unit", l.unit().symbol()).param("kind", l.kind() == null ? null : l.kind().name())
            .param("price", l.unitPriceMinor()).param("currency", l.currency()).param("supplier", blankToNull(l.supplier()))
            .param("mc", l.materialClass()).param("mq", l.materialQuantity())
            .param("mu", l.materialUnit() == null ? null : l.materialUnit().symbol()).param("process", blankToNull(l.process()))
            .param("machine", blankToNull(l.machine())).param("code", blankToNull(l.materialCode())).update();
    }

    void insertTask(long versionId, BuildTask t) {
        jdbc.sql("""
                insert into design_task (version_id, code, name, minutes, bay_kind, skills, machines, predecessors, checklist, standard)
                values (:v, :code, :name, :minutes, :bay, :skills, :machines, :preds, :checklist, :standard)""")
            .param("v", versionId).param("code", t.code()).param("name", t.name()).param("minutes", t.minutes())
            .param("bay", t.bayKind()).param("skills", t.skillsText()).param("machines", t.machinesText())
            .param("preds", String.join(",", t.predecessors())).param("checklist", String.join("\n", t.checklist()))
            .param("standard", blankToNull(t.standard())).update();
    }

    List<Design> search(String text) {
        return jdbc.sql("select " + DESIGN + " from design " + """
                where cast(:q as varchar) is null or lower(name) like :q or lower(description) like :q
                       or lower(slug) like :q order by name""")
            .param("q", text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%")
            .query(DesignRepository::design).list();
    }

    void update(long id, String name, String description, String licence, String authors, DesignStatus status, String links) {
        jdbc.sql("""
                update design set name = :name, description = :description, licence = :licence, authors = :authors,
                       status = :status, links = :links where id = :id""")
            .param("name", name).param("description", description).param("licence", licence).param("authors", authors)
            .param("status", status.name()).param("links", links).param("id", id).update();
    }

    Optional<Design> find(String slug) {
        return jdbc.sql("select " + DESIGN + " from design where slug = :s").param("s", slug).query(DesignRepository::design).optional();
    }

    Optional<Design> findById(long id) {
        return jdbc.sql("select " + DESIGN + " from design where id = :id").param("id", id).query(DesignRepository::design).optional();
    }

    List<DesignVersion> versions(long designId) {
        return jdbc.sql("select " + VERSION + " from design_version where design_id = :d order by id desc")
            .param("d", designId).query(DesignRepository::version).list();
    }

    Optional<DesignVersion> version(long versionId) {
        return jdbc.sql("select " + VERSION + " from design_version where id = :v").param("v", versionId)
            .query(DesignRepository::version).optional();
    }

    void setOutput(long versionId, String material, BigDecimal quantity) {
        jdbc.sql("update design_version set output_material = :m, output_quantity = :q where id = :v")
            .param("m", material).param("q", quantity).param("v", versionId).update();
    }

    void setServiceMonths(long versionId, Integer months) {
        jdbc.sql("update design_version set service_months = :m where id = :v").param("m", months).param("v", versionId).update();
    }

    void setProvenance(long versionId, String provenance) {
        jdbc.sql("update design_version set provenance = :p where id = :v").param("p", provenance).param("v", versionId).update();
    }

    void setReferencePrice(long versionId, Long minor) {
        jdbc.sql("update design_version set reference_price_minor = :p where id = :v").param("p", minor).param("v", versionId).update();
    }

    private static DesignVersion version(ResultSet rs, int n) throws SQLException {
        return new DesignVersion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getObject(6, Long.class), rs.getObject(7, Integer.class), rs.getString(8),
                rs.getBigDecimal(9) == null ? null : rs.getBigDecimal(9).stripTrailingZeros(), rs.getString(10));
    }

    /** Designs forked from any version of this design. */
    List<Lineage> forksOf(long designId) {
        return jdbc.sql("""
                select d.slug, d.name, v.label from design d join design_version v on v.id = d.forked_from
                 where v.design_id = :d order by d.created_at""")
            .param("d", designId).query((rs, n) -> new Lineage(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    List<BomLine> lines(long versionId) {
        return jdbc.sql("""
                select seq, parent, part, quantity, unit, kind, unit_price_minor, currency, supplier, material_class,
                       material_quantity, material_unit, process, machine, material_code
                  from design_bom_line where version_id = :v order by seq""")
            .param("v", versionId)
            .query((rs, n) -> new BomLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).stripTrailingZeros(),
                    Unit.of(rs.getString(5)).orElseThrow(), rs.getString(6) == null ? null : PartKind.valueOf(rs.getString(6)),
                    rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getString(10),
                    decimal(rs.getBigDecimal(11)), rs.getString(12) == null ? null : Unit.of(rs.getString(12)).orElseThrow(),
                    rs.getString(13), rs.getString(14), rs.getString(15)))
            .list();
    }

    List<BuildTask> tasks(long versionId) {
        return jdbc.sql("""
                select code, name, minutes, bay_kind, skills, machines, predecessors, checklist, standard
                  from design_task where version_id = :v order by id""")
            .param("v", versionId)
            .query((rs, n) -> new BuildTask(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    BuildTask.parseSkills(rs.getString(5)), BuildTask.parseMachines(rs.getString(6)),
                    BuildTask.parseList(rs.getString(7), ","), BuildTask.parseList(rs.getString(8), "\n"), rs.getString(9)))
            .list();
    }

    private static BigDecimal decimal(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Design design(ResultSet rs, int n) throws SQLException {
        return new Design(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
                rs.getString("licence"), rs.getString("authors"), DesignStatus.valueOf(rs.getString("status")), rs.getString("repo"),
                rs.getObject("forked_from", Long.class), rs.getTimestamp("created_at").toInstant(), rs.getString("links"));
    }
}
