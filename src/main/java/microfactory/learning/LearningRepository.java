package microfactory.learning;

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

/** SQL for tracks, modules, questions and attempts. */
@Repository
class LearningRepository {

    private static final String MODULE = "id, code, track_code, title, skill, level, minutes, lesson, pass_percent, practical, prerequisites";
    private final JdbcClient jdbc;

    LearningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertTrack(Track t) {
        jdbc.sql("insert into learning_track (code, name, kind, description) values (:c, :n, :k, :d)")
            .param("c", t.code()).param("n", t.name()).param("k", t.kind().name()).param("d", t.description()).update();
    }

    long insertModule(String code, String track, String title, String skill, int level, int minutes, String lesson, int pass,
                      boolean practical, List<String> prerequisites) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_module (code, track_code, title, skill, level, minutes, lesson, pass_percent, practical, prerequisites)
                values (:code, :track, :title, :skill, :level, :minutes, :lesson, :pass, :practical, :pre)""")
            .param("code", code).param("track", track).param("title", title).param("skill", skill).param("level", level)
            .param("minutes", minutes).param("lesson", lesson).param("pass", pass).param("practical", practical)
            .param("pre", String.join(",", prerequisites)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertQuestion(long moduleId, int seq, String kind, String prompt, List<String> choices, BigDecimal answer, BigDecimal tolerance) {
        jdbc.sql("""
                insert into learning_question (module_id, seq, kind, prompt, choices, answer, tolerance)
                values (:m, :s, :k, :p, :c, :a, :t)""")
            .param("m", moduleId).param("s", seq).param("k", kind).param("p", prompt).param("c", String.join("\n", choices))
            .param("a", answer).param("t", tolerance).update();
    }

    void updateModule(long id, String track, String title, String skill, int level, int minutes, String lesson, int pass,
                      boolean practical, List<String> prerequisites) {
        jdbc.sql("""
                update learning_module set track_code = :track, title = :title, skill = :skill, level = :level, minutes = :minutes,
                       lesson = :lesson, pass_percent = :pass, practical = :practical, prerequisites = :pre where id = :id""")
            .param("track", track).param("title", title).param("skill", skill).param("level", level).param("minutes", minutes)
            .param("lesson", lesson).param("pass", pass).param("practical", practical).param("pre", String.join(",", prerequisites))
            .param("id", id).update();
    }

    void deleteQuestions(long moduleId) {
        jdbc.sql("delete from learning_question where module_id = :m").param("m", moduleId).update();
    }

    void updateTrack(Track t) {
        jdbc.sql("update learning_track set name = :n, kind = :k, description = :d where code = :c")
            .param("c", t.code()).param("n", t.name()).param("k", t.kind().name()).param("d", t.description()).update();
    }

    List<Track> tracks() {
        return jdbc.sql("select code, name, kind, description from learning_track order by kind desc, name")
                .query((rs, n) -> new Track(rs.getString(1), rs.getString(2), TrackKind.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }

    List<Module> modules() {
        return jdbc.sql("select " + MODULE + " from learning_module order by track_code, level, title").query(LearningRepository::module).list();
    }

    Optional<Module> module(String code) {
        return jdbc.sql("select " + MODULE + " from learning_module where code = :c").param("c", code)
            .query(LearningRepository::module).optional();
    }

    List<Question> questions(long moduleId) {
        return jdbc.sql("select id, seq, kind, prompt, choices, answer, tolerance from learning_question where module_id = :m order by seq")
            .param("m", moduleId)
            .query((rs, n) -> new Question(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    List.of(rs.getString(5).split("\n")), rs.getBigDecimal(6), rs.getBigDecimal(7))).list();
    }

    boolean skillExists(String code) {
        return jdbc.sql("select count(*) from skill where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    void insertSkill(String code, String name, String description, String parent, String framework) {
        jdbc.sql("insert into skill (code, name, description, parent, framework) values (:c, :n, :d, :p, :f)")
            .param("c", code).param("n", name).param("d", description).param("p", parent).param("f", framework).update();
    }

    List<Skill> skills() {
        return jdbc.sql("select code, name, parent, framework from skill order by framework, code").query(Skill.class).list();
    }

    boolean tokenUsed(String token) {
        return jdbc.sql("select count(*) from learning_attempt where token = :t").param("t", token).query(Long.class).single() > 0;
    }

    void insertAttempt(long moduleId, long memberId, String token, int score, boolean passed, Instant at) {
        jdbc.sql("""
                insert into learning_attempt (module_id, member_id, token, score, passed, submitted_at)
                values (:m, :member, :t, :s, :p, :at)""")
            .param("m", moduleId).param("member", memberId).param("t", token).param("s", score).param("p", passed)
            .param("at", Timestamp.from(at)).update();
    }

    List<String> passedModules(long memberId) {
        return jdbc.sql("""
                select distinct m.code from learning_attempt a join learning_module m on m.id = a.module_id
                 where a.member_id = :member and a.passed order by m.code""")
            .param("member", memberId).query(String.class).list();
    }

    /** Learners with a passed attempt at a practical module and no valid badge at its level yet. */
    boolean openWorkRequest(long learnerId, String skill, int level) {
        return jdbc.sql("""
                select count(*) from learning_signoff_request
                 where learner_id = :l and skill = :s and level >= :v and status = 'OPEN'""")
            .param("l", learnerId).param("s", skill).param("v", level).query(Long.class).single() > 0;
    }

    void insertWorkRequest(long learnerId, String skill, int level, String beside, String source, Instant at) {
        jdbc.sql("""
                insert into learning_signoff_request (learner_id, skill, level, beside, source, status, created_at)
                values (:l, :s, :v, :b, :src, 'OPEN', :at)""")
            .param("l", learnerId).param("s", skill).param("v", level).param("b", beside).param("src", source)
            .param("at", Timestamp.from(at)).update();
    }

    /** Open requests; the learner's name is the members feature's to give (null here). */
    List<WorkSignOff> openWorkRequests() {
        return jdbc.sql("""
                select r.id, r.learner_id, r.skill, r.level, r.beside, r.source, r.created_at
                  from learning_signoff_request r
                 where r.status = 'OPEN' order by r.created_at, r.id""")
            .query((rs, n) -> new WorkSignOff(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getInt(4),
                    List.of(rs.getString(5).split(",")), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    void insertMentoring(long mentorId, long learnerId, String skill, int level, String what, Instant at) {
        jdbc.sql("""
                insert into learning_mentoring (mentor_id, learner_id, skill, level, what, signed_at)
                values (:m, :l, :s, :v, :w, :at)""")
            .param("m", mentorId).param("l", learnerId).param("s", skill).param("v", level).param("w", what)
            .param("at", Timestamp.from(at)).update();
    }

    List<Mentoring> mentoring(long mentorId, Instant from, Instant to) {
        return jdbc.sql("""
                select skill, level, what, signed_at from learning_mentoring
                 where mentor_id = :m and signed_at >= :f and signed_at < :t order by signed_at""")
            .param("m", mentorId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
            .query((rs, n) -> new Mentoring(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    void signWorkRequest(long id, long mentorId, Instant at) {
        jdbc.sql("update learning_signoff_request set status = 'SIGNED', signed_by = :m, signed_at = :at where id = :id")
            .param("m", mentorId).param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** A member who passed a practical module's assessment. */
    record PassedPractical(long memberId, long moduleId) {
    }

    /** Who passed which practical module; whether they hold its badge yet is merit's to say. */
    List<PassedPractical> passedPractical() {
        return jdbc.sql("""
                select distinct a.member_id, m.id from learning_attempt a join learning_module m on m.id = a.module_id
                 where a.passed and m.practical order by m.id, a.member_id""")
            .query((rs, n) -> new PassedPractical(rs.getLong(1), rs.getLong(2))).list();
    }

    Optional<Module> moduleById(long id) {
        return jdbc.sql("select " + MODULE + " from learning_module where id = :id").param("id", id)
            .query(LearningRepository::module).optional();
    }

    private static Module module(ResultSet rs, int n) throws SQLException {
        String pre = rs.getString("prerequisites");
        return new Module(rs.getLong("id"), rs.getString("code"), rs.getString("track_code"), rs.getString("title"),
                rs.getString("skill"), rs.getInt("level"), rs.getInt("minutes"), rs.getString("lesson"), rs.getInt("pass_percent"),
                rs.getBoolean("practical"), pre.isBlank() ? List.of() : List.of(pre.split(",")));
    }
}
