package microfactory.equipment;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for bays and machines. Only {@link EquipmentService} uses it. */
@Repository
class BayRepository {

    private static final String MACHINE = "id, code, name, type, count, bay_code, in_service, status_reason, skill, level, hourly_rate_minor";

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

    void insert(String code, String name, String kind, int areaM2, String description) {
        jdbc.sql("insert into bay (code, name, kind, area_m2, description) values (:code, :name, :kind, :area, :d)")
            .param("code", code).param("name", name).param("kind", kind).param("area", areaM2).param("d", description)
            .update();
    }

    void update(String code, String name, String kind, int areaM2, String description) {
        jdbc.sql("update bay set name = :name, kind = :kind, area_m2 = :area, description = :d where code = :code")
            .param("code", code).param("name", name).param("kind", kind).param("area", areaM2).param("d", description)
            .update();
    }

    void delete(String code) {
        jdbc.sql("delete from bay where code = :code").param("code", code).update();
    }

    List<Machine> machines() {
        return jdbc.sql("select " + MACHINE + " from machine order by bay_code, name").query(Machine.class).list();
    }

    Optional<Machine> machine(String code) {
        return jdbc.sql("select " + MACHINE + " from machine where code = :c").param("c", code).query(Machine.class).optional();
    }

    void insertMachine(MachineEdit m) {
        jdbc.sql("""
                insert into machine (code, name, type, count, bay_code, in_service, status_reason, skill, level, hourly_rate_minor)
                values (:code, :name, :type, :count, :bay, true, '', :skill, :level, :rate)""")
            .param("code", m.code()).param("name", m.name()).param("type", m.type()).param("count", m.count())
            .param("bay", m.bayCode()).param("skill", m.skill()).param("level", m.level()).param("rate", m.hourlyRateMinor())
            .update();
    }

    void updateMachine(MachineEdit m) {
        jdbc.sql("""
                update machine set name = :name, type = :type, count = :count, bay_code = :bay, skill = :skill, level = :level,
                       hourly_rate_minor = :rate
                 where code = :code""")
            .param("code", m.code()).param("name", m.name()).param("type", m.type()).param("count", m.count())
            .param("bay", m.bayCode()).param("skill", m.skill()).param("level", m.level()).param("rate", m.hourlyRateMinor())
            .update();
    }

    void deleteMachine(String code) {
        jdbc.sql("delete from machine where code = :c").param("c", code).update();
    }

    void setStatus(String code, boolean inService, String reason) {
        jdbc.sql("update machine set in_service = :s, status_reason = :r where code = :c")
            .param("s", inService).param("r", reason).param("c", code).update();
    }
}
