package microfactory.equipment;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for bays. Only {@link EquipmentService} uses it. */
@Repository
class BayRepository {

    private final JdbcClient jdbc;

    BayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Bay> all() {
        return jdbc.sql("select id, code, name, kind, area_m2, description from bay order by code")
                .query(Bay.class).list();
    }

    Optional<Bay> findByCode(String code) {
        return jdbc.sql("select id, code, name, kind, area_m2, description from bay where code = :code")
                .param("code", code).query(Bay.class).optional();
    }

    List<Machine> machines() {
        return jdbc.sql("""
                select id, code, name, type, count, bay_code, in_service, status_reason, skill, level from machine order by bay_code, name""")
            .query(Machine.class).list();
    }

    Optional<Machine> machine(String code) {
        return jdbc.sql("""
                select id, code, name, type, count, bay_code, in_service, status_reason, skill, level from machine where code = :c""")
            .param("c", code).query(Machine.class).optional();
    }

    void insertMachine(String code, String name, String type, int count, String bay, String skill, int level) {
        jdbc.sql("""
                insert into machine (code, name, type, count, bay_code, in_service, status_reason, skill, level)
                values (:code, :name, :type, :count, :bay, true, '', :skill, :level)""")
            .param("code", code).param("name", name).param("type", type).param("count", count).param("bay", bay)
            .param("skill", skill).param("level", level).update();
    }

    void setStatus(String code, boolean inService, String reason) {
        jdbc.sql("update machine set in_service = :s, status_reason = :r where code = :c")
            .param("s", inService).param("r", reason).param("c", code).update();
    }

    void insert(String code, String name, String kind, int areaM2, String description) {
        jdbc.sql("insert into bay (code, name, kind, area_m2, description) values (:code, :name, :kind, :area, :d)")
            .param("code", code).param("name", name).param("kind", kind).param("area", areaM2).param("d", description)
            .update();
    }
}
