package microfactory.billing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.members.Member;
import microfactory.members.MemberPrincipal;
import microfactory.members.MemberService;
import microfactory.production.UnitRecord;

/**
 * Statements for members ({@code /api/v1/members/me/statement}; stewards: any member's), and for stewards: issuing
 * bills, recording payments, importing bank statements and assigning the lines they did not match.
 */
@RestController
class BillingApi {

    private final BillingService billing;
    private final MemberService members;
    private final OtherRevenue revenue;

    BillingApi(BillingService billing, MemberService members, OtherRevenue revenue) {
        this.revenue = revenue;
        this.billing = billing;
        this.members = members;
    }

    /** A payment as a steward records it. {@code member} by pseudonym; {@code invoice} a reference such as MF-000042. */
    record PaymentRequest(String member, BigDecimal amountMinor, String currency, PaymentMethod method, String reference,
                          LocalDate receivedOn, String invoice) {
    }

    record Assignment(String member, String invoice) {
    }

    /** A showroom sale: {@code buyer} a member's pseudonym, or empty for a visitor. */
    record Sale(String buyer, PaymentMethod method) {
    }

    record TrainingFee(BigDecimal amountMinor, PaymentMethod method, String course, String member, LocalDate paidOn) {
    }

    @GetMapping("/api/v1/members/me/statement")
    Statement mine(@AuthenticationPrincipal MemberPrincipal me) {
        return billing.statement(me.memberId());
    }

    @GetMapping("/api/v1/members/{member}/statement")
    Statement of(@PathVariable String member) {
        return billing.statement(member(member).id());
    }

    @PostMapping("/api/v1/billing/run")
    Map<String, Integer> run() {
        int issued = billing.issueDue(billing.today());
        int[] done = billing.remindAndLapse(billing.today());
        return Map.of("issued", issued, "reminded", done[0], "lapsed", done[1]);
    }

    @GetMapping("/api/v1/billing/unpaid")
    List<StatementLine> unpaid() {
        return billing.unpaid().stream().map(i -> StatementLine.of(i, billing.today())).toList();
    }

    @PostMapping("/api/v1/billing/payments")
    ResponseEntity<Payment> pay(@RequestBody PaymentRequest p) {
        if (p.member() == null || p.member().isBlank()) {
            throw InvalidInputException.of("member", "name the member who paid by pseudonym (m-…)");
        }
        Member m = members.findByPublicId(p.member().strip())
                .orElseThrow(() -> InvalidInputException.of("member", "no member " + p.member().strip()));
        Payment paid = billing.recordPayment(m.id(), Money.wholeMinor(p.amountMinor(), "amountMinor"), p.currency(), p.method(), p.reference(), p.receivedOn(),
                p.invoice());
        return ResponseEntity.created(URI.create("/api/v1/members/" + m.publicId() + "/statement")).body(paid);
    }

    @PostMapping(value = "/api/v1/billing/bank-statements",
            consumes = {"text/csv", "text/plain", "application/xml", "text/xml", "application/octet-stream"})
    BillingService.ImportResult importStatement(@RequestBody byte[] file,
                                                @RequestHeader(value = "Content-Disposition", required = false) String disposition) {
        return billing.importStatement(disposition == null ? "API upload" : disposition, file);
    }

    @GetMapping("/api/v1/billing/bank-lines/unmatched")
    List<ImportedLine> unmatched() {
        return billing.unmatchedLines();
    }

    @PostMapping("/api/v1/billing/bank-lines/{id}/assign")
    Payment assign(@PathVariable long id, @RequestBody Assignment a) {
        return billing.assign(id, a.member(), a.invoice());
    }

    @PostMapping("/api/v1/units/{serial}/sale")
    UnitRecord sell(@PathVariable String serial, @RequestBody Sale sale) {
        return revenue.sell(serial, sale.buyer(), sale.method());
    }

    @PostMapping("/api/v1/billing/training-fees")
    ResponseEntity<Map<String, String>> trainingFee(@RequestBody TrainingFee fee) {
        String id = revenue.trainingFee(Money.wholeMinor(fee.amountMinor(), "amountMinor"), fee.method(), fee.course(), fee.member(),
                fee.paidOn());
        return ResponseEntity.created(URI.create("/api/v1/ledger/transfers/" + id)).body(Map.of("transfer", id));
    }

    private Member member(String publicId) {
        return members.findByPublicId(publicId).orElseThrow(() -> new NotFoundException("member", publicId));
    }
}
