package microfactory.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for bays and machines. Only {@link EquipmentService} uses it. */
@Repository
class BayRepository {

    private static final String MACHINE = "id, code, name, type, count, bay_code, in_service, status_reason, skill, level, hourly_rate_minor,"
        + " unit_serial";

    private final JdbcClient jdbc;

    BayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Bay> all() {
        return jdbc.sql("select id, code, name, kind, area_m2, description from bay order by code")
                .query(BayRepository::bay).list();
    }

    Optional<Bay> findByCode(String code) {
        return jdbc.sql("select id, code, name, kind, area_m2, description from bay where code = :code")
                .param("code", code).query(BayRepository::bay).optional();
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
        return jdbc.sql("select " + MACHINE + " from machine order by bay_code, name").query(BayRepository::machine).list();
    }

    Optional<Machine> machine(String code) {
        return jdbc.sql("select " + MACHINE + " from machine where code = :c").param("c", code).query(BayRepository::machine).optional();
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

    // Mapped by position, not by guessing column names from the records' properties: a guess that misses makes H2
    // look up (and log) a column that does not exist, on every read.
    private static Bay bay(ResultSet rs, int row) throws SQLException {
        return new Bay(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6));
    }

    void setUnitSerial(String code, String serial) {
        jdbc.sql("update machine set unit_serial = :s where code = :c").param("s", serial).param("c", code).update();
    }

    private static Machine machine(ResultSet rs, int row) throws SQLException {
        return new Machine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getObject(11, Long.class), rs.getString(12));
    }
}
