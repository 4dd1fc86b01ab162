package microfactory.chapter;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chapter's single identity row. */
@Repository
class ChapterRepository {

    private final JdbcClient jdbc;

    ChapterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Chapter> find() {
        return jdbc.sql("select name, site, region, currency, founded_on, mission from chapter where id = 1")
                .query((rs, n) -> new Chapter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .optional();
    }

    void insert(Chapter c) {
        jdbc.sql("""
                insert into chapter (id, name, site, region, currency, founded_on, mission)
                values (1, :name, :site, :region, :currency, :founded, :mission)""")
            .param("name", c.name()).param("site", c.site()).param("region", c.region())
            .param("currency", c.currency()).param("founded", c.foundedOn()).param("mission", c.mission())
            .update();
    }
}
