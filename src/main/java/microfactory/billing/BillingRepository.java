package microfactory.billing;

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

/** SQL for invoices, payments, their allocations and imported bank lines. */
@Repository
class BillingRepository {

    private static final String INVOICE = """
            select id, member_id, membership_id, kind, period_start, period_end, description, amount_minor, currency, issued_on,
                   due_on, paid_minor, reminded_at from billing_invoice""";
    private static final String PAYMENT = """
            select id, member_id, amount_minor, currency, method, reference, received_on, unapplied_minor from billing_payment""";
    private static final String LINE = """
            select id, source, line_no, booked_on, amount_minor, currency, reference, counterparty, payment_id from billing_bank_line""";
    private final JdbcClient jdbc;

    BillingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean invoiceExists(long membershipId, InvoiceKind kind, LocalDate periodStart) {
        return jdbc.sql("select count(*) from billing_invoice where membership_id = :m and kind = :k and period_start = :p")
            .param("m", membershipId).param("k", kind.name()).param("p", periodStart).query(Long.class).single() > 0;
    }

    long insertInvoice(long memberId, long membershipId, InvoiceKind kind, LocalDate periodStart, LocalDate periodEnd,
                       String description, long amountMinor, String currency, LocalDate issuedOn, LocalDate dueOn, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into billing_invoice (member_id, membership_id, kind, period_start, period_end, description, amount_minor,
                       currency, issued_on, due_on, created_at)
                values (:member, :ms, :kind, :ps, :pe, :d, :a, :c, :issued, :due, :now)""")
            .param("member", memberId).param("ms", membershipId).param("kind", kind.name()).param("ps", periodStart)
            .param("pe", periodEnd).param("d", description).param("a", amountMinor).param("c", currency).param("issued", issuedOn)
            .param("due", dueOn).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Invoice> invoice(long id) {
        return jdbc.sql(INVOICE + " where id = :id").param("id", id).query(BillingRepository::invoice).optional();
    }

    /** Locks an invoice's row while a payment is applied to it. */
    Optional<Invoice> invoiceForUpdate(long id) {
        return jdbc.sql(INVOICE + " where id = :id for update").param("id", id).query(BillingRepository::invoice).optional();
    }

    List<Invoice> invoices(long memberId) {
        return jdbc.sql(INVOICE + " where member_id = :m order by issued_on desc, id desc").param("m", memberId)
            .query(BillingRepository::invoice).list();
    }

    /** Invoices not fully paid, oldest first (all members, or one). */
    List<Invoice> unpaid(Long memberId) {
        return jdbc.sql(INVOICE + " where paid_minor < amount_minor and (cast(:m as bigint) is null or member_id = :m) order by issued_on, id")
            .param("m", memberId).query(BillingRepository::invoice).list();
    }

    void setReminded(long invoiceId, Instant at) {
        jdbc.sql("update billing_invoice set reminded_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", invoiceId)
            .update();
    }

    long insertPayment(long memberId, long amountMinor, String currency, PaymentMethod method, String reference, LocalDate receivedOn,
                       String bankLineKey, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into billing_payment (member_id, amount_minor, currency, method, reference, received_on, unapplied_minor,
                       bank_line_key, created_at)
                values (:m, :a, :c, :method, :ref, :on, :a, :key, :now)""")
            .param("m", memberId).param("a", amountMinor).param("c", currency).param("method", method.name()).param("ref", reference)
            .param("on", receivedOn).param("key", bankLineKey).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Payment> payments(long memberId) {
        return jdbc.sql(PAYMENT + " where member_id = :m order by received_on desc, id desc").param("m", memberId)
            .query(BillingRepository::payment).list();
    }

    /** A member's payments with money no invoice has taken, oldest first, locked while it is applied. */
    List<Payment> unapplied(long memberId) {
        return jdbc.sql(PAYMENT + " where member_id = :m and unapplied_minor > 0 order by received_on, id for update").param("m", memberId)
            .query(BillingRepository::payment).list();
    }

    void allocate(long paymentId, long invoiceId, long amountMinor) {
        jdbc.sql("update billing_payment set unapplied_minor = unapplied_minor - :a where id = :p").param("a", amountMinor)
            .param("p", paymentId).update();
        jdbc.sql("update billing_invoice set paid_minor = paid_minor + :a where id = :i").param("a", amountMinor).param("i", invoiceId)
            .update();
        jdbc.sql("insert into billing_allocation (payment_id, invoice_id, amount_minor) values (:p, :i, :a)")
            .param("p", paymentId).param("i", invoiceId).param("a", amountMinor).update();
    }

    boolean bankLineKnown(String key) {
        return jdbc.sql("select count(*) from billing_bank_line where line_key = :k").param("k", key).query(Long.class).single() > 0;
    }

    long insertBankLine(String key, String source, BankLine line, Long paymentId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into billing_bank_line (line_key, source, line_no, booked_on, amount_minor, currency, reference, counterparty,
                       payment_id, imported_at)
                values (:k, :s, :n, :on, :a, :c, :r, :cp, :p, :now)""")
            .param("k", key).param("s", source).param("n", line.lineNo()).param("on", line.bookedOn()).param("a", line.amountMinor())
            .param("c", line.currency()).param("r", line.reference()).param("cp", line.counterparty()).param("p", paymentId)
            .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<ImportedLine> unmatchedLines() {
        return jdbc.sql(LINE + " where payment_id is null and amount_minor > 0 order by booked_on, id").query(BillingRepository::line).list();
    }

    Optional<ImportedLine> lineForUpdate(long id) {
        return jdbc.sql(LINE + " where id = :id for update").param("id", id).query(BillingRepository::line).optional();
    }

    void setLinePayment(long lineId, long paymentId) {
        jdbc.sql("update billing_bank_line set payment_id = :p where id = :id").param("p", paymentId).param("id", lineId).update();
    }

    private static Invoice invoice(ResultSet rs, int n) throws SQLException {
        Timestamp reminded = rs.getTimestamp(13);
        return new Invoice(rs.getLong(1), rs.getLong(2), rs.getLong(3), InvoiceKind.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getLong(12),
                reminded == null ? null : reminded.toInstant());
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), PaymentMethod.valueOf(rs.getString(5)),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getLong(8));
    }

    private static ImportedLine line(ResultSet rs, int n) throws SQLException {
        return new ImportedLine(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, Long.class));
    }
}
