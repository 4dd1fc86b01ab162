package microfactory.production;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import microfactory.common.NotFoundException;

/** SQL for runs, sign-ups and the stored schedule. */
@Repository
class ProductionRepository {

    private static final String RUN = "id, design_slug, version, quantity, starts_on, days, day_start, day_end, crew_target, trainee_seats, status, created_at, "
        + "fee_minor, fee_currency, cancel_reason, bays";
    private final JdbcClient jdbc;

    ProductionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertRun(String design, String version, int quantity, LocalDate startsOn, int days, int dayStart, int dayEnd, int crew,
                   int trainees, RunStatus status, Instant at, long feeMinor, String feeCurrency, List<String> bays) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into production_run (design_slug, version, quantity, starts_on, days, day_start, day_end, crew_target,
                                            trainee_seats, status, created_at, fee_minor, fee_currency, bays)
                values (:d, :v, :q, :s, :days, :ds, :de, :c, :t, :status, :at, :fee, :currency, :bays)""")
            .param("fee", feeMinor).param("currency", feeCurrency).param("bays", String.join(",", bays))
            .param("d", design).param("v", version).param("q", quantity).param("s", startsOn).param("days", days)
            .param("ds", dayStart).param("de", dayEnd).param("c", crew).param("t", trainees).param("status", status.name())
            .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Run> runs() {
        return jdbc.sql("select " + RUN + " from production_run order by starts_on desc, id desc").query(ProductionRepository::run).list();
    }

    Optional<Run> run(long id) {
        return jdbc.sql("select " + RUN + " from production_run where id = :id").param("id", id).query(ProductionRepository::run).optional();
    }

    /** The run, or a 404 naming it. */
    Run require(long id) {
        return run(id).orElseThrow(() -> new NotFoundException("run", id));
    }

    /** Locks the run's row for the rest of the transaction: sign-ups for one run queue up here, so seats are never oversold. */
    void lock(long runId) {
        jdbc.sql("select id from production_run where id = :id for update").param("id", runId).query(Long.class).optional();
    }

    void setStatus(long runId, RunStatus status) {
        jdbc.sql("update production_run set status = :s where id = :id").param("s", status.name()).param("id", runId).update();
    }

    /** A run's sign-ups; who they are (name, pseudonym) is the members feature's to say, filled in by {@link Signups}. */
    List<Signup> signupRows(long runId) {
        return jdbc.sql("""
                select s.id, s.run_id, s.member_id, s.role, s.status, s.seat_id, s.fee_transfer
                  from production_signup s where s.run_id = :r order by s.created_at, s.id""")
            .param("r", runId)
            .query((rs, n) -> new Signup(rs.getLong(1), rs.getLong(2), rs.getLong(3), null, null, SignupRole.valueOf(rs.getString(4)),
                    SignupStatus.valueOf(rs.getString(5)), rs.getObject(6, Long.class), rs.getString(7))).list();
    }

    /** Confirmed sign-ups in a role and seat (a null seat: general crew, or trainees). */
    long confirmed(long runId, SignupRole role, Long seatId) {
        return jdbc.sql("""
                select count(*) from production_signup where run_id = :r and role = :role and status = 'CONFIRMED'
                   and (seat_id = :seat or (seat_id is null and cast(:seat as bigint) is null))""")
            .param("r", runId).param("role", role.name()).param("seat", seatId).query(Long.class).single();
    }

    void insertSignup(long runId, long memberId, SignupRole role, SignupStatus status, Long seatId, Instant at) {
        jdbc.sql("""
                insert into production_signup (run_id, member_id, role, status, seat_id, created_at)
                values (:r, :m, :role, :s, :seat, :at)""")
            .param("r", runId).param("m", memberId).param("role", role.name()).param("s", status.name()).param("seat", seatId)
            .param("at", Timestamp.from(at)).update();
    }

    /** A member who left signs up again: their row comes back with the new role, seat and status. */
    void rejoin(long signupId, SignupRole role, SignupStatus status, Long seatId, Instant at) {
        jdbc.sql("update production_signup set role = :role, status = :s, seat_id = :seat, created_at = :at where id = :id")
            .param("role", role.name()).param("s", status.name()).param("seat", seatId).param("at", Timestamp.from(at)).param("id", signupId)
            .update();
    }

    void insertSeat(long runId, String skill, int level, int seats) {
        jdbc.sql("insert into production_seat (run_id, skill, level, seats) values (:r, :s, :l, :n)")
            .param("r", runId).param("s", skill).param("l", level).param("n", seats).update();
    }

    List<Seat> seats(long runId) {
        return jdbc.sql("""
                select p.id, p.skill, p.level, p.seats,
                       (select count(*) from production_signup s where s.seat_id = p.id and s.status = 'CONFIRMED')
                  from production_seat p where p.run_id = :r order by p.skill, p.level""")
            .param("r", runId).query((rs, n) -> new Seat(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5))).list();
    }

    void setFeeTransfer(long signupId, String transferId) {
        jdbc.sql("update production_signup set fee_transfer = :t where id = :id").param("t", transferId).param("id", signupId).update();
    }

    void cancel(long runId, String reason) {
        jdbc.sql("update production_run set status = 'CANCELLED', cancel_reason = :r where id = :id")
            .param("r", reason).param("id", runId).update();
    }

    void setSignupStatus(long signupId, SignupStatus status) {
        jdbc.sql("update production_signup set status = :s where id = :id").param("s", status.name()).param("id", signupId).update();
    }

    void deleteTask(long taskId) {
        jdbc.sql("delete from production_check where task_id = :t").param("t", taskId).update();
        jdbc.sql("delete from production_task where id = :t").param("t", taskId).update();
    }

    void deleteChecksAndTasks(long runId) {
        jdbc.sql("delete from production_check where task_id in (select id from production_task where run_id = :r)").param("r", runId).update();
        jdbc.sql("delete from production_task where run_id = :r").param("r", runId).update();
    }

    void insertTask(long runId, RunTask t) {
        jdbc.sql("""
                insert into production_task (run_id, unit, code, name, start_minute, end_minute, bay, people, trainees, machines,
                                             predecessors, status, checklist)
                values (:r, :u, :c, :n, :s, :e, :b, :p, :t, :m, :pre, 'PLANNED', :check)""")
            .param("check", String.join("\n", t.checklist()))
            .param("r", runId).param("u", t.unit()).param("c", t.code()).param("n", t.name()).param("s", t.startMinute())
            .param("e", t.endMinute()).param("b", t.bay()).param("p", String.join(",", t.people()))
            .param("t", String.join(",", t.trainees())).param("m", String.join(",", t.machines()))
            .param("pre", String.join(",", t.predecessors())).update();
    }

    List<RunTask> tasks(long runId) {
        return jdbc.sql("""
                select id, unit, code, name, start_minute, end_minute, bay, people, trainees, machines, predecessors, status, checklist,
                       started_at, finished_at
                  from production_task where run_id = :r order by start_minute, unit, code""")
            .param("r", runId).query(ProductionRepository::task).list();
    }

    void setTaskStatus(long taskId, TaskStatus status) {
        jdbc.sql("update production_task set status = :s where id = :id").param("s", status.name()).param("id", taskId).update();
    }

    void retime(long taskId, int start, int end) {
        jdbc.sql("update production_task set start_minute = :s, end_minute = :e where id = :id")
            .param("s", start).param("e", end).param("id", taskId).update();
    }

    void started(long taskId, Instant at) {
        jdbc.sql("update production_task set status = 'STARTED', started_at = :at where id = :id")
            .param("at", Timestamp.from(at)).param("id", taskId).update();
    }

    void finished(long taskId, TaskStatus status, Instant at) {
        jdbc.sql("update production_task set status = :s, finished_at = :at where id = :id")
            .param("s", status.name()).param("at", Timestamp.from(at)).param("id", taskId).update();
    }

    /** Runs whose schedule is live (scheduled or under way). */
    List<Run> liveRuns() {
        return jdbc.sql("select " + RUN + " from production_run where status in ('SCHEDULED', 'IN_PROGRESS') order by id").query(ProductionRepository::run).list();
    }

    void log(long runId, Instant at, String kind, String message) {
        jdbc.sql("insert into production_run_event (run_id, at, kind, message) values (:r, :at, :k, :m)")
            .param("r", runId).param("at", Timestamp.from(at)).param("k", kind)
            .param("m", message.length() > 1000 ? message.substring(0, 997) + "…" : message).update();
    }

    List<RunEvent> log(long runId) {
        return jdbc.sql("select at, kind, message from production_run_event where run_id = :r order by at desc, id desc")
            .param("r", runId).query((rs, n) -> new RunEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
    }

    Optional<Unit> unit(long id) {
        return jdbc.sql(UNIT_COLUMNS + " where id = :id").param("id", id).query(ProductionRepository::unit).optional();
    }

    Optional<Unit> unit(String serial) {
        return jdbc.sql(UNIT_COLUMNS + " where serial = :s").param("s", serial).query(ProductionRepository::unit).optional();
    }

    void setOffer(long unitId, Long priceMinor) {
        jdbc.sql("update production_unit set offer_price_minor = :p where id = :id").param("p", priceMinor).param("id", unitId).update();
    }

    void setSold(long unitId, Instant at, boolean toVisitor) {
        jdbc.sql("update production_unit set sold_at = :at, sold_to_visitor = :v where id = :id").param("at", Timestamp.from(at))
            .param("v", toVisitor).param("id", unitId).update();
    }

    /** Units on offer in the showroom, newest first. */
    List<Unit> onOffer() {
        return jdbc.sql(UNIT_COLUMNS + " where offer_price_minor is not null and sold_at is null order by completed_at desc")
            .query(ProductionRepository::unit).list();
    }

    void setOwner(long unitId, Long ownerId) {
        jdbc.sql("update production_unit set owner_id = :o where id = :id").param("o", ownerId).param("id", unitId).update();
    }

    void lifetime(long unitId, Instant at, LifetimeKind kind, String message, Long ledgerIndex) {
        jdbc.sql("insert into unit_lifetime_event (unit_id, at, kind, message, ledger_index) values (:u, :at, :k, :m, :l)")
            .param("u", unitId).param("at", Timestamp.from(at)).param("k", kind.name()).param("m", message).param("l", ledgerIndex).update();
    }

    List<LifetimeEvent> lifetime(long unitId) {
        return jdbc.sql("select at, kind, message, ledger_index from unit_lifetime_event where unit_id = :u order by at, id")
            .param("u", unitId).query((rs, n) -> new LifetimeEvent(rs.getTimestamp(1).toInstant(), LifetimeKind.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getObject(4, Long.class))).list();
    }

    /** A check as stored, with its task and the member's id (named by the caller). */
    record CheckRow(String taskCode, String taskName, String item, boolean passed, long memberId, Instant at, String note) {
    }

    /** Every check of one unit's tasks, in the order the tasks ran. */
    List<CheckRow> checksOfUnit(long runId, int unit) {
        return jdbc.sql("""
                select t.code, t.name, c.item, c.passed, c.member_id, c.checked_at, c.note
                  from production_check c join production_task t on t.id = c.task_id
                 where t.run_id = :r and t.unit = :u order by t.start_minute, t.code, c.id""")
            .param("r", runId).param("u", unit)
            .query((rs, n) -> new CheckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5),
                    rs.getTimestamp(6).toInstant(), rs.getString(7))).list();
    }

    void insertInspection(long unitId, long memberId, boolean passed, String note, Instant at, long ledgerIndex) {
        jdbc.sql("""
                insert into production_inspection (unit_id, member_id, passed, note, inspected_at, ledger_index)
                values (:u, :m, :p, :n, :at, :l)""")
            .param("u", unitId).param("m", memberId).param("p", passed).param("n", note).param("at", Timestamp.from(at))
            .param("l", ledgerIndex).update();
    }

    /** The latest inspection of a unit: member id, passed, note, when, ledger index. */
    record InspectionRow(long memberId, boolean passed, String note, Instant at, long ledgerIndex) {
    }

    Optional<InspectionRow> inspection(long unitId) {
        return jdbc.sql("""
                select member_id, passed, note, inspected_at, ledger_index from production_inspection
                 where unit_id = :u order by inspected_at desc, id desc limit 1""")
            .param("u", unitId).query((rs, n) -> new InspectionRow(rs.getLong(1), rs.getBoolean(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant(), rs.getLong(5))).optional();
    }

    /** Units built of a design, every version. */
    List<Unit> unitsOfDesign(String design) {
        return jdbc.sql(UNIT_COLUMNS + " where run_id in (select id from production_run where design_slug = :d) order by id")
            .param("d", design).query(ProductionRepository::unit).list();
    }

    void setUnitVersion(long unitId, String version) {
        jdbc.sql("update production_unit set design_version = :v where id = :id").param("v", version).param("id", unitId).update();
    }

    List<Unit> allUnits() {
        return jdbc.sql(UNIT_COLUMNS + " order by id").query(ProductionRepository::unit).list();
    }

    long insertServiceRequest(long unitId, long memberId, String what, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into production_service_request (unit_id, member_id, what, status, created_at)
                values (:u, :m, :w, 'OPEN', :at)""")
            .param("u", unitId).param("m", memberId).param("w", what).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A service request as stored: the unit's id and the owner's member id (named by the caller). */
    record ServiceRow(long id, long unitId, long memberId, String what, ServiceStatus status, Instant bookedFor, String bookingNote,
                      Instant createdAt, Instant doneAt) {
    }

    private static final String SERVICE = """
            select id, unit_id, member_id, what, status, booked_for, booking_note, created_at, done_at from production_service_request""";

    Optional<ServiceRow> serviceRequest(long id) {
        return jdbc.sql(SERVICE + " where id = :id").param("id", id).query(ProductionRepository::serviceRow).optional();
    }

    /** Requests not done (of one unit when {@code unitId} is given), oldest first. */
    List<ServiceRow> openServiceRequests(Long unitId) {
        return jdbc.sql(SERVICE + " where status <> 'DONE'" + (unitId == null ? "" : " and unit_id = :u") + " order by created_at, id")
            .param("u", unitId).query(ProductionRepository::serviceRow).list();
    }

    List<ServiceRow> serviceRequestsOf(long unitId) {
        return jdbc.sql(SERVICE + " where unit_id = :u order by created_at desc, id desc").param("u", unitId)
            .query(ProductionRepository::serviceRow).list();
    }

    void bookService(long id, Instant when, String note) {
        jdbc.sql("update production_service_request set status = 'BOOKED', booked_for = :w, booking_note = :n where id = :id")
            .param("w", Timestamp.from(when)).param("n", note).param("id", id).update();
    }

    void serviceDone(long id, Instant at) {
        jdbc.sql("update production_service_request set status = 'DONE', done_at = :at where id = :id")
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Records a reminder for a due date; false when that due date was reminded already. */
    boolean remind(long unitId, LocalDate dueOn, Instant at) {
        boolean sent = jdbc.sql("select count(*) from production_service_reminder where unit_id = :u and due_on = :d")
            .param("u", unitId).param("d", dueOn).query(Integer.class).single() > 0;
        if (!sent) {
            jdbc.sql("insert into production_service_reminder (unit_id, due_on, sent_at) values (:u, :d, :at)")
                .param("u", unitId).param("d", dueOn).param("at", Timestamp.from(at)).update();
        }
        return !sent;
    }

    private static ServiceRow serviceRow(ResultSet rs, int n) throws SQLException {
        Timestamp booked = rs.getTimestamp(6);
        Timestamp done = rs.getTimestamp(9);
        return new ServiceRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), ServiceStatus.valueOf(rs.getString(5)),
                booked == null ? null : booked.toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant(), done == null ? null : done.toInstant());
    }

    void insertCheck(long taskId, String item, boolean passed, String note, long memberId, Instant at) {
        jdbc.sql("""
                insert into production_check (task_id, item, passed, note, member_id, checked_at)
                values (:t, :i, :p, :n, :m, :at)""")
            .param("t", taskId).param("i", item).param("p", passed).param("n", note).param("m", memberId)
            .param("at", Timestamp.from(at)).update();
    }

    void insertUnit(long runId, int unit, String serial, List<String> builders, Instant at, long ledgerIndex, Long valueMinor,
                    String currency) {
        jdbc.sql("""
                insert into production_unit (run_id, unit, serial, builders, completed_at, ledger_index, value_minor, value_currency)
                values (:r, :u, :s, :b, :at, :l, :v, :c)""")
            .param("r", runId).param("u", unit).param("s", serial).param("b", String.join(",", builders))
            .param("at", Timestamp.from(at)).param("l", ledgerIndex).param("v", valueMinor).param("c", currency).update();
    }

    void insertShare(long unitId, ValueShares.Share share) {
        jdbc.sql("insert into production_unit_share (unit_id, member, minutes, value_minor) values (:u, :m, :min, :v)")
            .param("u", unitId).param("m", share.member()).param("min", share.minutes()).param("v", share.valueMinor()).update();
    }

    /** A member's shares of units completed in [from, to), oldest first. */
    List<UnitShare> shares(String member, Instant from, Instant to) {
        return jdbc.sql("""
                select u.serial, r.design_slug, u.completed_at, s.minutes, s.value_minor, u.value_currency
                  from production_unit_share s join production_unit u on u.id = s.unit_id join production_run r on r.id = u.run_id
                 where s.member = :m and u.completed_at >= :from and u.completed_at < :to order by u.completed_at, u.serial""")
            .param("m", member).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
            .query((rs, n) -> new UnitShare(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                    rs.getLong(5), rs.getString(6))).list();
    }


    private static final String UNIT_COLUMNS =
        "select id, run_id, unit, serial, builders, owner_id, completed_at, ledger_index, value_minor, offer_price_minor, sold_at,"
        + " sold_to_visitor, design_version from production_unit";

    List<Unit> units(long runId) {
        return jdbc.sql(UNIT_COLUMNS + " where run_id = :r order by unit").param("r", runId).query(ProductionRepository::unit).list();
    }

    private static Unit unit(ResultSet rs, int n) throws SQLException {
        Timestamp sold = rs.getTimestamp(11);
        return new Unit(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), list(rs.getString(5)),
                rs.getObject(6, Long.class), rs.getTimestamp(7).toInstant(), rs.getLong(8), rs.getObject(9, Long.class),
                rs.getObject(10, Long.class), sold == null ? null : sold.toInstant(), rs.getBoolean(12), rs.getString(13));
    }

    private static RunTask task(ResultSet rs, int n) throws SQLException {
        String checklist = rs.getString(13);
        return new RunTask(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getString(7), list(rs.getString(8)), list(rs.getString(9)), list(rs.getString(10)), list(rs.getString(11)),
                TaskStatus.valueOf(rs.getString(12)), checklist == null || checklist.isBlank() ? List.of() : List.of(checklist.split("\n")),
                instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("design_slug"), rs.getString("version"), rs.getInt("quantity"),
                rs.getObject("starts_on", LocalDate.class), rs.getInt("days"), rs.getInt("day_start"), rs.getInt("day_end"),
                rs.getInt("crew_target"), rs.getInt("trainee_seats"), RunStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("fee_minor"), rs.getString("fee_currency"), rs.getString("cancel_reason"), list(rs.getString("bays")));
    }
}
