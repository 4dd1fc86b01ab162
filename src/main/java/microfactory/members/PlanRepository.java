package microfactory.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for plans. Only {@link PlanService} uses it. */
@Repository
class PlanRepository {

    private static final String COLUMNS = """
            id, code, name, kind, annual_dues_minor, currency, value_share_bp, usufruct_right, training_right,
            description, active""";

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Plan> all() {
        return jdbc.sql("select " + COLUMNS + " from plan order by active desc, name").query(PlanRepository::plan).list();
    }

    Optional<Plan> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from plan where code = :code").param("code", code)
                .query(PlanRepository::plan).optional();
    }

    long insert(PlanTerms t) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan (code, name, kind, annual_dues_minor, currency, value_share_bp, usufruct_right,
                                  training_right, description, active)
                values (:code, :name, :kind, :dues, :currency, :share, :usufruct, :training, :description, :active)""")
            .params(params(t)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int update(String code, PlanTerms t) {
        return jdbc.sql("""
                update plan set name = :name, kind = :kind, annual_dues_minor = :dues, currency = :currency,
                       value_share_bp = :share, usufruct_right = :usufruct, training_right = :training,
                       description = :description, active = :active
                 where code = :code""")
            .params(params(t)).param("code", code).update();
    }

    private static Map<String, Object> params(PlanTerms t) {
        var map = new HashMap<String, Object>();
        map.put("code", t.code());
        map.put("name", t.name());
        map.put("kind", t.kind().name());
        map.put("dues", t.kind() == PlanKind.FLAT_DUES ? t.annualDuesMinor() : null);
        map.put("currency", t.currency());
        map.put("share", t.kind() == PlanKind.VALUE_SHARE ? t.valueShareBp() : null);
        map.put("usufruct", t.usufructRight());
        map.put("training", t.trainingRight());
        map.put("description", t.description() == null ? "" : t.description());
        map.put("active", t.active() == null || t.active());
        return map;
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                PlanKind.valueOf(rs.getString("kind")), rs.getObject("annual_dues_minor", Long.class),
                rs.getString("currency"), rs.getObject("value_share_bp", Integer.class),
                rs.getBoolean("usufruct_right"), rs.getBoolean("training_right"), rs.getString("description"),
                rs.getBoolean("active"));
    }
}
