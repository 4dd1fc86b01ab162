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

    void insert(String code, String name, String kind, int areaM2, String description) {
        jdbc.sql("insert into bay (code, name, kind, area_m2, description) values (:code, :name, :kind, :area, :d)")
            .param("code", code).param("name", name).param("kind", kind).param("area", areaM2).param("d", description)
            .update();
    }
}
