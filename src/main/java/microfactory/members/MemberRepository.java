package microfactory.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for members and memberships. Only {@link MemberService} uses it. */
@Repository
class MemberRepository {

    private static final String COLUMNS =
            "m.id, m.public_id, m.email, m.display_name, m.role, m.active, m.joined_at, m.deactivated_at, m.email_confirmed_at";

    /** The plan a member is on today, if any. */
    private static final String CURRENT_PLAN = """
            (select p.name from membership ms join plan p on p.id = ms.plan_id
              where ms.member_id = m.id and ms.starts_on <= :today and (ms.ends_on is null or ms.ends_on >= :today)
              order by ms.starts_on desc fetch first 1 rows only) as plan_name""";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String publicId, String email, String displayName, String passwordHash, Role role, Instant joinedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into member (public_id, email, display_name, password_hash, role, active, joined_at)
                values (:publicId, :email, :displayName, :hash, :role, true, :joinedAt)""")
            .param("publicId", publicId).param("email", email).param("displayName", displayName)
            .param("hash", passwordHash).param("role", role.name()).param("joinedAt", Timestamp.from(joinedAt))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Member> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from member m where m.id = :id").param("id", id)
                .query(MemberRepository::member).optional();
    }

    List<Member> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from member m where m.id in (:ids)").param("ids", List.copyOf(ids))
                .query(MemberRepository::member).list();
    }

    Optional<Member> findByPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from member m where m.public_id = :p").param("p", publicId)
                .query(MemberRepository::member).optional();
    }

    Optional<Member> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from member m where m.email = :email").param("email", email)
                .query(MemberRepository::member).optional();
    }

    Optional<String> passwordHash(String email) {
        return jdbc.sql("select password_hash from member where email = :email").param("email", email)
                .query(String.class).optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from member where email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    /** Members whose name, email or public id contains the text, optionally only the active ones. */
    List<MemberSummary> search(String text, Boolean active, LocalDate today, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + ", " + CURRENT_PLAN + """
                 from member m
                where (cast(:pattern as varchar) is null or lower(m.display_name) like :pattern
                       or m.email like :pattern or m.public_id like :pattern)
                  and (cast(:active as boolean) is null or m.active = :active)
                order by m.display_name, m.id
                limit :limit offset :offset""")
            .param("pattern", text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%")
            .param("active", active).param("today", today).param("limit", limit).param("offset", offset)
            .query((rs, n) -> new MemberSummary(member(rs, n), rs.getString("plan_name"))).list();
    }

    int setActive(long id, boolean active, Instant at) {
        return jdbc.sql("update member set active = :active, deactivated_at = :at where id = :id")
                .param("active", active).param("at", active ? null : Timestamp.from(at)).param("id", id).update();
    }

    int setRole(long id, Role role) {
        return jdbc.sql("update member set role = :role where id = :id").param("role", role.name()).param("id", id)
                .update();
    }

    int setDisplayName(long id, String displayName) {
        return jdbc.sql("update member set display_name = :name where id = :id")
                .param("name", displayName).param("id", id).update();
    }

    long insertMembership(long memberId, long planId, LocalDate startsOn, LocalDate endsOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into membership (member_id, plan_id, starts_on, ends_on) values (:m, :p, :s, :e)")
            .param("m", memberId).param("p", planId).param("s", startsOn).param("e", endsOn)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Membership> memberships(long memberId) {
        return jdbc.sql("""
                select ms.id, ms.member_id, p.code, p.name, ms.starts_on, ms.ends_on, ms.lapsed_on
                  from membership ms join plan p on p.id = ms.plan_id
                 where ms.member_id = :m order by ms.starts_on desc, ms.id desc""")
            .param("m", memberId).query(MemberRepository::membership).list();
    }

    /** Every membership that started on or before {@code day}, oldest first. */
    List<Membership> membershipsStartedBy(LocalDate day) {
        return jdbc.sql("""
                select ms.id, ms.member_id, p.code, p.name, ms.starts_on, ms.ends_on, ms.lapsed_on
                  from membership ms join plan p on p.id = ms.plan_id
                 where ms.starts_on <= :d order by ms.starts_on, ms.id""")
            .param("d", day).query(MemberRepository::membership).list();
    }

    void setLapsed(long membershipId, LocalDate lapsedOn) {
        jdbc.sql("update membership set lapsed_on = :l where id = :id").param("l", lapsedOn).param("id", membershipId).update();
    }

    private static Membership membership(ResultSet rs, int n) throws SQLException {
        return new Membership(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
    }

    long countActiveAdmins() {
        return jdbc.sql("select count(*) from member where active and role = 'ADMIN'").query(Long.class).single();
    }

    long countActive() {
        return jdbc.sql("select count(*) from member where active").query(Long.class).single();
    }

    /** Active members per plan today, for the dashboard: plan name → count. */
    List<PlanCount> activeMembersPerPlan(LocalDate today) {
        return jdbc.sql("""
                select p.name, count(distinct ms.member_id)
                  from membership ms join plan p on p.id = ms.plan_id join member m on m.id = ms.member_id
                 where m.active and ms.starts_on <= :today and (ms.ends_on is null or ms.ends_on >= :today)
                 group by p.name order by count(distinct ms.member_id) desc, p.name""")
            .param("today", today)
            .query((rs, n) -> new PlanCount(rs.getString(1), rs.getLong(2))).list();
    }

    // ---- single-use links ----

    record StoredToken(long id, long memberId, TokenPurpose purpose, Instant expiresAt, Instant usedAt) {
    }

    void insertToken(String hash, long memberId, TokenPurpose purpose, Instant at, Instant expires) {
        jdbc.sql("""
                insert into member_token (token_hash, member_id, purpose, created_at, expires_at)
                values (:h, :m, :p, :at, :exp)""")
            .param("h", hash).param("m", memberId).param("p", purpose.name()).param("at", Timestamp.from(at))
            .param("exp", Timestamp.from(expires)).update();
    }

    Optional<StoredToken> token(String hash) {
        return jdbc.sql("select id, member_id, purpose, expires_at, used_at from member_token where token_hash = :h")
                .param("h", hash)
                .query((rs, n) -> new StoredToken(rs.getLong(1), rs.getLong(2), TokenPurpose.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5))))
                .optional();
    }

    /** Spends a token; false when another request spent it first. */
    boolean spendToken(long id, Instant at) {
        return jdbc.sql("update member_token set used_at = :at where id = :id and used_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Spends every open token of a kind of a member (a new password voids the other reset links). */
    void spendTokens(long memberId, TokenPurpose purpose, Instant at) {
        jdbc.sql("update member_token set used_at = :at where member_id = :m and purpose = :p and used_at is null")
            .param("at", Timestamp.from(at)).param("m", memberId).param("p", purpose.name()).update();
    }

    // ---- sign-up links (before there is an account) ----

    record StoredSignUpLink(long id, String email, String planCode, Instant expiresAt, Instant usedAt) {
    }

    void insertSignUpLink(String hash, String email, String planCode, Instant at, Instant expires) {
        jdbc.sql("""
                insert into member_signup_link (token_hash, email, plan_code, created_at, expires_at)
                values (:h, :e, :p, :at, :exp)""")
            .param("h", hash).param("e", email).param("p", planCode).param("at", Timestamp.from(at))
            .param("exp", Timestamp.from(expires)).update();
    }

    Optional<StoredSignUpLink> signUpLink(String hash) {
        return jdbc.sql("select id, email, plan_code, expires_at, used_at from member_signup_link where token_hash = :h")
                .param("h", hash)
                .query((rs, n) -> new StoredSignUpLink(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5))))
                .optional();
    }

    /** Spends a sign-up link; false when another request spent it first. */
    boolean spendSignUpLink(long id, Instant at) {
        return jdbc.sql("update member_signup_link set used_at = :at where id = :id and used_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    void confirmEmail(long memberId, Instant at) {
        jdbc.sql("update member set email_confirmed_at = :at where id = :id and email_confirmed_at is null")
            .param("at", Timestamp.from(at)).param("id", memberId).update();
    }

    void setPasswordHash(long memberId, String hash) {
        jdbc.sql("update member set password_hash = :h where id = :id").param("h", hash).param("id", memberId).update();
    }

    NotificationChoices notifications(long memberId) {
        return jdbc.sql("select notify_seats, notify_runs, notify_badges from member where id = :id").param("id", memberId)
                .query((rs, n) -> new NotificationChoices(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).single();
    }

    void setNotifications(long memberId, NotificationChoices c) {
        jdbc.sql("update member set notify_seats = :s, notify_runs = :r, notify_badges = :b where id = :id")
            .param("s", c.seats()).param("r", c.runs()).param("b", c.badges()).param("id", memberId).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("id"), rs.getString("public_id"), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                rs.getTimestamp("joined_at").toInstant(), instant(rs.getTimestamp("deactivated_at")),
                instant(rs.getTimestamp("email_confirmed_at")));
    }
}
