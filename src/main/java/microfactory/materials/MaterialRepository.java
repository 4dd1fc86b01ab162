package microfactory.materials;

import java.math.BigDecimal;
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

/** SQL for the material catalogue, stock by location, moves and runs' reservations. */
@Repository
class MaterialRepository {

    private static final String MATERIAL = "select id, code, name, class, unit, reorder_point, standard_cost_minor, currency, recycled from material";
    private static final String MOVE = """
            select v.id, m.code, v.kind, v.quantity, m.unit, v.location, v.at, v.member_id, v.run_id, v.unit_serial, v.cost_minor,
                   v.currency, i.code, v.input_quantity, v.note, v.ledger_transfer
              from material_move v join material m on m.id = v.material_id left join material i on i.id = v.input_material_id""";

    private final JdbcClient jdbc;

    MaterialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Material m, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into material (code, name, class, unit, reorder_point, standard_cost_minor, currency, recycled, created_at)
                values (:code, :name, :class, :unit, :reorder, :cost, :currency, :recycled, :at)""")
            .param("code", m.code()).param("name", m.name()).param("class", m.materialClass().name()).param("unit", m.unit())
            .param("reorder", m.reorderPoint()).param("cost", m.standardCostMinor()).param("currency", m.currency())
            .param("recycled", m.recycled()).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Material> all() {
        return jdbc.sql(MATERIAL + " order by code").query(MaterialRepository::material).list();
    }

    Optional<Material> find(String code) {
        return jdbc.sql(MATERIAL + " where code = :c").param("c", code).query(MaterialRepository::material).optional();
    }

    Optional<Material> find(long id) {
        return jdbc.sql(MATERIAL + " where id = :id").param("id", id).query(MaterialRepository::material).optional();
    }

    /** Locks the material's row: moves and reservations of one material are decided one at a time. */
    void lock(long materialId) {
        jdbc.sql("select id from material where id = :id for update").param("id", materialId).query(Long.class).single();
    }

    Map<String, BigDecimal> stock(long materialId) {
        Map<String, BigDecimal> at = new LinkedHashMap<>();
        jdbc.sql("select location, quantity from material_stock where material_id = :m and quantity > 0 order by location")
            .param("m", materialId).query((rs, n) -> at.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return at;
    }

    /** On hand and reserved per material id, in one pass each. */
    Map<Long, BigDecimal> onHandAll() {
        Map<Long, BigDecimal> all = new LinkedHashMap<>();
        jdbc.sql("select material_id, sum(quantity) from material_stock group by material_id")
            .query((rs, n) -> all.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return all;
    }

    Map<Long, BigDecimal> reservedAll() {
        Map<Long, BigDecimal> all = new LinkedHashMap<>();
        jdbc.sql("select material_id, sum(quantity) from material_reservation group by material_id")
            .query((rs, n) -> all.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return all;
    }

    BigDecimal onHand(long materialId, String location) {
        return jdbc.sql("select quantity from material_stock where material_id = :m and location = :l")
            .param("m", materialId).param("l", location).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /** Sets the quantity at a location (never below zero: the table refuses it). */
    void setStock(long materialId, String location, BigDecimal quantity) {
        int changed = jdbc.sql("update material_stock set quantity = :q where material_id = :m and location = :l")
            .param("q", quantity).param("m", materialId).param("l", location).update();
        if (changed == 0) {
            jdbc.sql("insert into material_stock (material_id, location, quantity) values (:m, :l, :q)")
                .param("m", materialId).param("l", location).param("q", quantity).update();
        }
    }

    /** The locations holding a material, fullest first: where an issue takes from when none is named. */
    List<String> locationsByQuantity(long materialId) {
        return jdbc.sql("select location from material_stock where material_id = :m and quantity > 0 order by quantity desc, location")
            .param("m", materialId).query(String.class).list();
    }

    record NewMove(long materialId, MoveKind kind, BigDecimal quantity, String location, Instant at, Long memberId, Long runId,
                   String unitSerial, Long costMinor, String currency, Long inputMaterialId, BigDecimal inputQuantity, String note) {
    }

    long insertMove(NewMove m) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into material_move (material_id, kind, quantity, location, at, member_id, run_id, unit_serial, cost_minor, currency,
                       input_material_id, input_quantity, note)
                values (:m, :k, :q, :l, :at, :member, :run, :serial, :cost, :currency, :input, :inputQ, :note)""")
            .param("m", m.materialId()).param("k", m.kind().name()).param("q", m.quantity()).param("l", m.location())
            .param("at", Timestamp.from(m.at())).param("member", m.memberId()).param("run", m.runId()).param("serial", m.unitSerial())
            .param("cost", m.costMinor()).param("currency", m.currency()).param("input", m.inputMaterialId())
            .param("inputQ", m.inputQuantity()).param("note", m.note()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void setTransfer(long moveId, String transfer) {
        jdbc.sql("update material_move set ledger_transfer = :t where id = :id").param("t", transfer).param("id", moveId).update();
    }

    /** A move with the member's id (named by the service). */
    record MoveRow(Move move, Long memberId) {
    }

    Optional<MoveRow> move(long id) {
        return jdbc.sql(MOVE + " where v.id = :id").param("id", id).query(MaterialRepository::move).optional();
    }

    /** Moves in [from, to), of one material when {@code materialId} is given, newest first. */
    List<MoveRow> moves(Long materialId, Instant from, Instant to, int limit) {
        return jdbc.sql(MOVE + " where v.at >= :f and v.at < :t" + (materialId == null ? "" : " and v.material_id = :m")
                + " order by v.at desc, v.id desc limit " + limit)
            .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).param("m", materialId)
            .query(MaterialRepository::move).list();
    }

    Map<Long, BigDecimal> reservation(long runId) {
        Map<Long, BigDecimal> held = new LinkedHashMap<>();
        jdbc.sql("select material_id, quantity from material_reservation where run_id = :r order by material_id")
            .param("r", runId).query((rs, n) -> held.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return held;
    }

    void setReservation(long runId, long materialId, BigDecimal quantity) {
        jdbc.sql("delete from material_reservation where run_id = :r and material_id = :m").param("r", runId).param("m", materialId).update();
        if (quantity.signum() > 0) {
            jdbc.sql("insert into material_reservation (run_id, material_id, quantity) values (:r, :m, :q)")
                .param("r", runId).param("m", materialId).param("q", quantity).update();
        }
    }

    /** Material id → quantity issued for a unit or lot serial. */
    Map<Long, BigDecimal> issuedFor(String serial) {
        Map<Long, BigDecimal> used = new LinkedHashMap<>();
        jdbc.sql("select material_id, sum(quantity) from material_move where unit_serial = :s and kind = 'ISSUE' group by material_id")
            .param("s", serial).query((rs, n) -> used.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return used;
    }

    /** Material code → quantity issued to the run (less what came back). */
    Map<String, BigDecimal> consumedBy(long runId) {
        Map<String, BigDecimal> used = new LinkedHashMap<>();
        jdbc.sql("""
                select m.code, sum(case when v.kind = 'ISSUE' then v.quantity else -v.quantity end)
                  from material_move v join material m on m.id = v.material_id
                 where v.run_id = :r and v.kind in ('ISSUE', 'RETURN') group by m.code order by m.code""")
            .param("r", runId).query((rs, n) -> used.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return used;
    }

    /** What runs with a lower id (scheduled earlier) hold of a material. */
    BigDecimal reservedBefore(long materialId, long runId) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from material_reservation where material_id = :m and run_id < :r")
            .param("m", materialId).param("r", runId).query(BigDecimal.class).single();
    }

    void release(long runId) {
        jdbc.sql("delete from material_reservation where run_id = :r").param("r", runId).update();
    }

    private static Material material(ResultSet rs, int n) throws SQLException {
        return new Material(rs.getLong(1), rs.getString(2), rs.getString(3), MaterialClass.valueOf(rs.getString(4)), rs.getString(5),
                rs.getBigDecimal(6).stripTrailingZeros(), rs.getObject(7, Long.class), rs.getString(8), rs.getBoolean(9));
    }

    private static MoveRow move(ResultSet rs, int n) throws SQLException {
        BigDecimal input = rs.getBigDecimal(14);
        return new MoveRow(new Move(rs.getLong(1), rs.getString(2), MoveKind.valueOf(rs.getString(3)), rs.getBigDecimal(4).stripTrailingZeros(),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), null, rs.getObject(9, Long.class), rs.getString(10),
                rs.getObject(11, Long.class), rs.getString(12), rs.getString(13), input == null ? null : input.stripTrailingZeros(),
                rs.getString(15), rs.getString(16)), rs.getObject(8, Long.class));
    }
}
