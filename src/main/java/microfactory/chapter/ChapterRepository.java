package microfactory.chapter;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import microfactory.common.SignUpMode;

/** The chapter's single identity row. */
@Repository
class ChapterRepository {

    private static final String COLUMNS = """
            name, site, region, currency, founded_on, mission, time_zone, public_url, startup_capital_minor,
            production_per_day_minor, builds_per_bay_year, hourly_value_minor, sign_up_mode""";

    private final JdbcClient jdbc;

    ChapterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Chapter> find() {
        return jdbc.sql("select " + COLUMNS + " from chapter where id = 1")
                .query((rs, n) -> new Chapter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, Long.class), rs.getObject(10, Long.class), rs.getObject(11, Integer.class),
                        rs.getObject(12, Long.class), SignUpMode.valueOf(rs.getString(13))))
                .optional();
    }

    void insert(Chapter c) {
        jdbc.sql("insert into chapter (id, " + COLUMNS + """
                ) values (1, :name, :site, :region, :currency, :founded, :mission, :zone, :url, :capital, :perDay, :builds, :hourly, :signUp)""")
            .params(params(c)).update();
    }

    void update(Chapter c) {
        jdbc.sql("""
                update chapter set name = :name, site = :site, region = :region, currency = :currency, mission = :mission,
                       time_zone = :zone, public_url = :url, startup_capital_minor = :capital,
                       production_per_day_minor = :perDay, builds_per_bay_year = :builds, hourly_value_minor = :hourly,
                       sign_up_mode = :signUp
                 where id = 1""")
            .params(params(c)).update();
    }

    void insertLineage(ChapterLineage l) {
        jdbc.sql("""
                insert into chapter_lineage (id, origin_chapter, origin_url, origin_key, manifest_sha256, checkpoint_size, checkpoint_root,
                       ledger_index, replicated_at)
                values (1, :chapter, :url, :key, :sha, :size, :root, :index, :at)""")
            .param("chapter", l.originChapter()).param("url", l.originUrl()).param("key", l.originKey()).param("sha", l.manifestSha256())
            .param("size", l.checkpointSize()).param("root", l.checkpointRoot()).param("index", l.ledgerIndex())
            .param("at", Timestamp.from(l.replicatedAt())).update();
    }

    Optional<ChapterLineage> lineage() {
        return jdbc.sql("""
                select origin_chapter, origin_url, origin_key, manifest_sha256, checkpoint_size, checkpoint_root, ledger_index, replicated_at
                  from chapter_lineage where id = 1""")
            .query((rs, n) -> new ChapterLineage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant()))
            .optional();
    }

    private static Map<String, Object> params(Chapter c) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", c.name());
        p.put("site", c.site());
        p.put("region", c.region());
        p.put("currency", c.currency());
        p.put("founded", c.foundedOn());
        p.put("mission", c.mission());
        p.put("zone", c.timeZone());
        p.put("url", c.publicUrl());
        p.put("capital", c.startUpCapitalMinor());
        p.put("perDay", c.productionPerDayMinor());
        p.put("builds", c.buildsPerBayPerYear());
        p.put("hourly", c.hourlyValueMinor());
        p.put("signUp", c.signUpMode().name());
        return p;
    }
}
