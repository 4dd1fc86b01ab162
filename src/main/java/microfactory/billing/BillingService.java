package microfactory.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;
import microfactory.ledger.PostingRequest;
import microfactory.ledger.TransferRequest;
import microfactory.members.Member;
import microfactory.members.MemberMail;
import microfactory.members.MemberService;
import microfactory.members.Membership;
import microfactory.members.Plan;
import microfactory.members.PlanKind;
import microfactory.members.PlanService;
import microfactory.production.ValueGenerated;

/**
 * Members' bills. Each membership period produces its invoice — a flat plan's annual dues when the period starts, a
 * value-share plan's share of the value the member generated, for each month once it ends — and each invoice and
 * payment is a ledger transfer under the member's pseudonym (owed to the chapter in {@value #RECEIVABLE}). A payment
 * pays the invoice it names, then the oldest unpaid; what is left is the member's credit, taken by the next invoice.
 * An invoice overdue is reminded once; past the grace period the member's membership lapses until they pay.
 */
@Service
public class BillingService {

    static final String RECEIVABLE = "members-receivable";
    static final int DAYS_TO_PAY = 30;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final BillingRepository bills;
    private final MemberService members;
    private final PlanService plans;
    private final ValueGenerated value;
    private final LedgerService ledger;
    private final MemberMail mail;
    private final ChapterSettings chapter;
    private final Clock clock;
    private final int graceDays;

    BillingService(BillingRepository bills, MemberService members, PlanService plans, ValueGenerated value, LedgerService ledger,
                   MemberMail mail, ChapterSettings chapter, Clock clock, @Value("${microfactory.billing.grace-days:30}") int graceDays) {
        this.bills = bills;
        this.members = members;
        this.plans = plans;
        this.value = value;
        this.ledger = ledger;
        this.mail = mail;
        this.chapter = chapter;
        this.clock = clock;
        this.graceDays = graceDays;
    }

    public LocalDate today() {
        return chapter.today(clock);
    }

    // ---- invoices ----

    /** Issues every invoice due by {@code today} that is not issued yet; returns how many. Safe to run again. */
    @Transactional
    public int issueDue(LocalDate today) {
        int issued = 0;
        for (Membership ms : members.membershipsStartedBy(today)) {
            Plan plan = plans.get(ms.planCode());
            if (plan.kind() == PlanKind.FLAT_DUES) {
                if (plan.annualDuesMinor() > 0 && !bills.invoiceExists(ms.id(), InvoiceKind.DUES, ms.startsOn())) {
                    LocalDate end = ms.endsOn() != null ? ms.endsOn() : ms.startsOn().plusYears(1).minusDays(1);
                    issue(ms, InvoiceKind.DUES, ms.startsOn(), end, plan.name() + " dues, " + ms.startsOn() + " to " + end,
                            plan.annualDuesMinor(), plan.currency(), ms.startsOn());
                    issued++;
                }
            } else {
                issued += issueValueShares(ms, plan, today);
            }
        }
        return issued;
    }

    /** One invoice per month of a value-share membership once the month has ended, for the share of that month's value. */
    private int issueValueShares(Membership ms, Plan plan, LocalDate today) {
        int issued = 0;
        Member member = members.get(ms.memberId());
        for (YearMonth m = YearMonth.from(ms.startsOn()); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
            if (ms.endsOn() != null && m.atDay(1).isAfter(ms.endsOn())) {
                break;
            }
            LocalDate from = m.atDay(1).isBefore(ms.startsOn()) ? ms.startsOn() : m.atDay(1);
            LocalDate to = ms.endsOn() != null && ms.endsOn().isBefore(m.atEndOfMonth()) ? ms.endsOn() : m.atEndOfMonth();
            if (bills.invoiceExists(ms.id(), InvoiceKind.VALUE_SHARE, from)) {
                continue;
            }
            long generated = value.of(member.publicId(), from, to).totalMinor();
            long share = share(generated, plan.valueShareBp());
            if (share > 0) {
                issue(ms, InvoiceKind.VALUE_SHARE, from, to, plan.valueShareBp() / 100.0 + " % of the " + Money.of(generated, plan.currency())
                        .formatted() + " of value generated in " + MONTH.format(m), share, plan.currency(), m.atEndOfMonth().plusDays(1));
                issued++;
            }
        }
        return issued;
    }

    /** A share in basis points, rounded half up to the minor unit. */
    static long share(long valueMinor, int basisPoints) {
        return (valueMinor * basisPoints + 5_000) / 10_000;
    }

    private void issue(Membership ms, InvoiceKind kind, LocalDate from, LocalDate to, String description, long amount, String currency,
                       LocalDate issuedOn) {
        long id = bills.insertInvoice(ms.memberId(), ms.id(), kind, from, to, description.replace(".0 %", " %"), amount, currency,
                issuedOn, issuedOn.plusDays(DAYS_TO_PAY), clock.instant());
        Member member = members.get(ms.memberId());
        book(TransferRequest.of("invoice-" + id, kind.code(), Invoice.reference(id) + ": " + description,
                PostingRequest.debit(RECEIVABLE, amount, currency), PostingRequest.credit(kind.incomeAccount(), amount, currency))
                .forMember(member.publicId()).on(issuedOn));
        applyCredit(ms.memberId());
    }

    // ---- payments ----

    /**
     * Records a payment: a ledger transfer into the method's account, applied to {@code invoiceReference} when given, then
     * to the oldest unpaid invoices; any rest stays as the member's credit. Paying what was overdue restores a lapsed
     * membership.
     */
    @Transactional
    public Payment recordPayment(long memberId, Long amountMinor, String currency, PaymentMethod method, String reference,
                                 LocalDate receivedOn, String invoiceReference) {
        return recordPayment(memberId, amountMinor, currency, method, reference, receivedOn, invoiceReference, null);
    }

    private Payment recordPayment(long memberId, Long amountMinor, String currency, PaymentMethod method, String reference,
                                  LocalDate receivedOn, String invoiceReference, String bankLineKey) {
        Member member = members.get(memberId);
        String cur = currency == null || currency.isBlank() ? chapter.currency() : currency.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (amountMinor == null || amountMinor <= 0) {
            problems.add(new FieldProblem("amountMinor", "a payment is a positive whole number of minor units (cents)"));
        }
        if (!cur.equals(chapter.currency())) {
            problems.add(new FieldProblem("currency", "the chapter bills in " + chapter.currency() + "; convert the payment first"));
        }
        if (method == null) {
            problems.add(new FieldProblem("method", "choose CASH, BANK_TRANSFER, CARD_TERMINAL or CRYPTOCURRENCY"));
        }
        String ref = reference == null ? "" : reference.strip();
        if (ref.length() > 140) {
            problems.add(new FieldProblem("reference", "at most 140 characters"));
        }
        LocalDate day = receivedOn == null ? today() : receivedOn;
        if (day.isAfter(today())) {
            problems.add(new FieldProblem("receivedOn", "a payment was received today or earlier"));
        }
        Invoice named = null;
        if (invoiceReference != null && !invoiceReference.isBlank()) {
            named = invoiceByReference(invoiceReference).filter(i -> i.memberId() == memberId).orElse(null);
            if (named == null) {
                problems.add(new FieldProblem("invoice", "no invoice " + invoiceReference.strip() + " of this member"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = bills.insertPayment(memberId, amountMinor, cur, method, ref, day, bankLineKey, clock.instant());
        book(TransferRequest.of("payment-" + id, "payment", "Payment by " + method.label() + (ref.isEmpty() ? "" : ": " + ref),
                PostingRequest.debit(method.account(), amountMinor, cur), PostingRequest.credit(RECEIVABLE, amountMinor, cur))
                .forMember(member.publicId()).on(day));
        if (named != null) {
            apply(bills.unapplied(memberId).stream().filter(p -> p.id() == id).findFirst().orElseThrow(), named.id());
        }
        applyCredit(memberId);
        restoreIfPaidUp(memberId);
        return bills.payments(memberId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    Optional<Invoice> invoiceByReference(String reference) {
        String digits = reference.strip().toUpperCase(Locale.ROOT).replaceFirst("^MF-?", "");
        if (!digits.matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return bills.invoice(Long.parseLong(digits));
    }

    /** Applies a member's unapplied payments to their unpaid invoices, oldest to oldest. */
    private void applyCredit(long memberId) {
        for (Invoice invoice : bills.unpaid(memberId)) {
            for (Payment p : bills.unapplied(memberId)) {
                if (!apply(p, invoice.id())) {
                    break;
                }
            }
        }
    }

    /** Applies what it can of a payment to an invoice; false when the invoice is paid. */
    private boolean apply(Payment p, long invoiceId) {
        Invoice invoice = bills.invoiceForUpdate(invoiceId).orElseThrow();
        long amount = Math.min(p.unappliedMinor(), invoice.owedMinor());
        if (amount > 0) {
            bills.allocate(p.id(), invoiceId, amount);
        }
        return invoice.owedMinor() - amount > 0;
    }

    private void book(TransferRequest transfer) {
        try {
            ledger.transfer(transfer);
        } catch (NotFoundException | InvalidInputException e) {
            throw new ConflictException("The ledger cannot record this: billing needs the accounts '" + RECEIVABLE + "', 'dues-income', "
                    + "'value-share-income' and the payment method's ('bank', 'cash' or 'crypto-wallet') in " + chapter.currency()
                    + " (" + e.getMessage() + "). A steward opens them at /ledger.");
        }
    }

    // ---- statements ----

    public Statement statement(long memberId) {
        Member member = members.get(memberId);
        LocalDate today = today();
        List<Invoice> invoices = bills.invoices(memberId);
        List<Payment> payments = bills.payments(memberId);
        long owed = invoices.stream().mapToLong(Invoice::owedMinor).sum();
        long overdue = invoices.stream().filter(i -> i.status(today) == InvoiceStatus.OVERDUE).mapToLong(Invoice::owedMinor).sum();
        long credit = payments.stream().mapToLong(Payment::unappliedMinor).sum();
        Optional<Membership> current = members.currentMembership(memberId);
        Statement.Accruing accruing = current.map(ms -> accruing(member, ms, today)).orElse(null);
        return new Statement(member.publicId(), chapter.currency(), today, invoices.stream().map(i -> StatementLine.of(i, today)).toList(),
                payments, owed, overdue, credit, accruing, current.map(ms -> !ms.rightsHold()).orElse(false));
    }

    private Statement.Accruing accruing(Member member, Membership ms, LocalDate today) {
        Plan plan = plans.get(ms.planCode());
        if (plan.kind() != PlanKind.VALUE_SHARE) {
            return null;
        }
        LocalDate from = today.withDayOfMonth(1).isBefore(ms.startsOn()) ? ms.startsOn() : today.withDayOfMonth(1);
        long generated = value.of(member.publicId(), from, today).totalMinor();
        return new Statement.Accruing(from, today, generated, plan.valueShareBp(), share(generated, plan.valueShareBp()));
    }

    /** Unpaid invoices of every member, oldest first: the steward's list. */
    public List<Invoice> unpaid() {
        return bills.unpaid(null);
    }

    // ---- reminders and lapse ----

    /**
     * Mails one reminder for each invoice past its due day, and lapses the current membership of a member with an
     * invoice more than the grace period overdue. Returns reminders sent and memberships lapsed.
     */
    @Transactional
    public int[] remindAndLapse(LocalDate today) {
        int reminded = 0;
        int lapsed = 0;
        for (Invoice i : bills.unpaid(null)) {
            if (i.status(today) != InvoiceStatus.OVERDUE) {
                continue;
            }
            if (i.remindedAt() == null) {
                mail.tell(i.memberId(), "Reminder: " + i.reference() + " is overdue", "Your invoice " + i.reference() + " ("
                        + i.description() + ") was due on " + i.dueOn() + "; " + Money.of(i.owedMinor(), i.currency()).formatted()
                        + " is still open.\n\nPay by bank transfer with the reference " + i.reference() + ", or at the chapter's desk. "
                        + "If it stays unpaid " + graceDays + " days after it was due, your membership's rights (use of the "
                        + "factory, training) pause until it is paid.\n\nYour statement: " + chapter.publicUrl() + "/billing/statement\n");
                bills.setReminded(i.id(), clock.instant());
                reminded++;
            }
            if (today.isAfter(i.dueOn().plusDays(graceDays))) {
                Optional<Membership> current = members.currentMembership(i.memberId());
                if (current.isPresent() && current.get().rightsHold()) {
                    members.setLapsed(current.get().id(), i.memberId(), today);
                    mail.tell(i.memberId(), "Your membership has paused", "Invoice " + i.reference() + " is more than " + graceDays
                            + " days overdue, so your membership's rights are paused until it is paid. Your statement: "
                            + chapter.publicUrl() + "/billing/statement\n");
                    lapsed++;
                }
            }
        }
        return new int[] {reminded, lapsed};
    }

    private void restoreIfPaidUp(long memberId) {
        LocalDate today = today();
        boolean stillLate = bills.unpaid(memberId).stream().anyMatch(i -> today.isAfter(i.dueOn().plusDays(graceDays)));
        if (!stillLate) {
            members.currentMembership(memberId).filter(ms -> !ms.rightsHold())
                    .ifPresent(ms -> members.setLapsed(ms.id(), memberId, null));
        }
    }

    // ---- bank statements ----

    /** What an import did: lines read, payments matched to invoices, lines left for a steward, lines seen before, money out. */
    public record ImportResult(int lines, List<Payment> matched, List<ImportedLine> unmatched, int alreadyImported, int outgoing) {
    }

    /**
     * Imports a bank statement (camt.053 or CSV): each incoming line whose text names an invoice reference becomes that
     * member's payment; the others wait for a steward. All of it or nothing: a line that cannot be read refuses the file.
     */
    @Transactional
    public ImportResult importStatement(String source, byte[] file) {
        List<BankLine> lines = BankStatements.read(file, chapter.currency());
        List<Payment> matched = new ArrayList<>();
        List<ImportedLine> unmatched = new ArrayList<>();
        int seen = 0;
        int outgoing = 0;
        List<String> keys = new ArrayList<>();
        for (BankLine line : lines) {
            String key = LineKeys.of(line, keys);
            keys.add(key);
            if (bills.bankLineKnown(key)) {
                seen++;
                continue;
            }
            if (line.amountMinor() <= 0) {
                outgoing++;
                bills.insertBankLine(key, source, line, null, clock.instant());
                continue;
            }
            Optional<Invoice> invoice = LineKeys.invoiceReference(line.reference()).flatMap(this::invoiceByReference)
                    .filter(i -> line.currency().equals(i.currency()));
            if (invoice.isPresent()) {
                Payment p = recordPayment(invoice.get().memberId(), line.amountMinor(), line.currency(), PaymentMethod.BANK_TRANSFER,
                        shorten(line.reference()), line.bookedOn(), invoice.get().reference(), key);
                bills.insertBankLine(key, source, line, p.id(), clock.instant());
                matched.add(p);
            } else {
                long id = bills.insertBankLine(key, source, line, null, clock.instant());
                unmatched.add(bills.lineForUpdate(id).orElseThrow());
            }
        }
        return new ImportResult(lines.size(), matched, unmatched, seen, outgoing);
    }

    public List<ImportedLine> unmatchedLines() {
        return bills.unmatchedLines();
    }

    /** A steward assigns an unmatched line to a member (by pseudonym), optionally to one of their invoices. */
    @Transactional
    public Payment assign(long lineId, String member, String invoiceReference) {
        ImportedLine line = bills.lineForUpdate(lineId).orElseThrow(() -> new NotFoundException("bank line", lineId));
        if (line.paymentId() != null) {
            throw new ConflictException("Bank line " + lineId + " is assigned already (payment " + line.paymentId() + ").");
        }
        if (line.amountMinor() <= 0) {
            throw new ConflictException("Bank line " + lineId + " is money going out, not a member's payment.");
        }
        Member m = members.findByPublicId(member == null ? "" : member.strip())
                .orElseThrow(() -> InvalidInputException.of("member", "name the member by pseudonym (m-…)"));
        Payment p = recordPayment(m.id(), line.amountMinor(), line.currency(), PaymentMethod.BANK_TRANSFER, shorten(line.reference()),
                line.bookedOn(), invoiceReference, null);
        bills.setLinePayment(lineId, p.id());
        return p;
    }

    private static String shorten(String text) {
        return text.length() <= 140 ? text : text.substring(0, 140);
    }
}
