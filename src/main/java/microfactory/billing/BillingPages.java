package microfactory.billing;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.members.Member;
import microfactory.members.MemberPrincipal;
import microfactory.members.MemberService;
import microfactory.web.FieldErrors;

/** A member's statement, and the steward's billing desk: unpaid bills, payments, bank statements, lines to assign. */
@Controller
class BillingPages {

    private final BillingService billing;
    private final MemberService members;
    private final ChapterSettings chapter;
    private final OtherRevenue revenue;

    BillingPages(BillingService billing, MemberService members, ChapterSettings chapter, OtherRevenue revenue) {
        this.revenue = revenue;
        this.billing = billing;
        this.members = members;
        this.chapter = chapter;
    }

    @GetMapping("/billing/statement")
    String statement(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("statement", billing.statement(me.memberId()));
        return "billing/statement";
    }

    @GetMapping("/billing")
    String desk(Model model) {
        return desk(model, PaymentForm.empty(), FieldErrors.NONE);
    }

    private String desk(Model model, PaymentForm form, FieldErrors errors) {
        List<Invoice> unpaid = billing.unpaid();
        Map<Long, Member> people = members.byIds(unpaid.stream().map(Invoice::memberId).distinct().toList());
        model.addAttribute("unpaid", unpaid.stream().map(i -> new DeskLine(StatementLine.of(i, billing.today()), people.get(i.memberId())))
                .toList());
        model.addAttribute("unmatched", billing.unmatchedLines());
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("currency", chapter.currency());
        return "billing/desk";
    }

    @PostMapping("/billing/run")
    String run(RedirectAttributes flash) {
        try {
            int issued = billing.issueDue(billing.today());
            int[] done = billing.remindAndLapse(billing.today());
            flash.addFlashAttribute("notice", issued + " invoices issued, " + done[0] + " reminders sent, " + done[1] + " memberships paused.");
        } catch (ConflictException e) {
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/billing";
    }

    @PostMapping("/billing/payments")
    String pay(PaymentForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        List<FieldProblem> unreadable = new ArrayList<>();
        Optional<Member> member = members.findByPublicId(form.member() == null ? "" : form.member().strip());
        if (member.isEmpty()) {
            unreadable.add(new FieldProblem("member", "name the member by pseudonym (m-…), as their statement shows it"));
        }
        Optional<Long> amount = Money.parseMinor(form.amount(), chapter.currency());
        if (amount.isEmpty()) {
            unreadable.add(new FieldProblem("amount", "an amount in " + chapter.currency() + ", such as 5000 or 5,000.00"));
        }
        LocalDate day = null;
        if (form.receivedOn() != null && !form.receivedOn().isBlank()) {
            try {
                day = LocalDate.parse(form.receivedOn().strip());
            } catch (DateTimeParseException e) {
                unreadable.add(new FieldProblem("receivedOn", "a date such as 2026-03-31, or empty for today"));
            }
        }
        PaymentMethod method = method(form.method());
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidInputException(unreadable);
            }
            Payment p = billing.recordPayment(member.get().id(), amount.get(), chapter.currency(), method, form.reference(), day,
                    form.invoice());
            flash.addFlashAttribute("notice", "Recorded " + Money.of(p.amountMinor(), p.currency()).formatted() + " from "
                    + member.get().publicId() + (p.unappliedMinor() > 0 ? "; " + Money.of(p.unappliedMinor(), p.currency()).formatted()
                    + " of it is their credit." : "."));
            return "redirect:/billing";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return desk(model, form, FieldErrors.of(e.renamed(Map.of("amountMinor", "amount"))));
        }
    }

    @PostMapping("/billing/import")
    String importStatement(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("importProblem", "Choose the bank statement file: camt.053 XML or a CSV export.");
            return "redirect:/billing#import";
        }
        try {
            BillingService.ImportResult r = billing.importStatement(file.getOriginalFilename(), file.getBytes());
            flash.addFlashAttribute("notice", r.lines() + " lines read: " + r.matched().size() + " payments matched to invoices, "
                    + r.unmatched().size() + " to assign below, " + r.alreadyImported() + " imported before, " + r.outgoing()
                    + " going out.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("importProblem", "Nothing was imported. " + e.problems().get(0).message());
        }
        return "redirect:/billing#import";
    }

    @PostMapping("/billing/units/{serial}/sale")
    String sell(@PathVariable String serial, @RequestParam(required = false) String buyer, @RequestParam(required = false) String method,
                RedirectAttributes flash) {
        try {
            var record = revenue.sell(serial, buyer, method(method));
            flash.addFlashAttribute("notice", "Sold to " + (record.owner() == null ? "a visitor" : record.owner()) + "; the sale is on the ledger.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("problem", e instanceof InvalidInputException i ? i.problems().get(0).message() : e.getMessage());
        }
        return "redirect:/production/units/" + serial;
    }

    @PostMapping("/billing/training-fees")
    String trainingFee(@RequestParam(required = false) String amount, @RequestParam(required = false) String method,
                       @RequestParam(required = false) String course, RedirectAttributes flash) {
        try {
            Long minor = Money.parseMinor(amount, chapter.currency()).orElseThrow(() -> InvalidInputException.of("amount",
                    "an amount in " + chapter.currency() + ", such as 150"));
            revenue.trainingFee(minor, method(method), course, null, null);
            flash.addFlashAttribute("notice", "Training fee of " + Money.of(minor, chapter.currency()).formatted() + " booked as income.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("feeProblem", e instanceof InvalidInputException i ? i.problems().get(0).message() : e.getMessage());
        }
        return "redirect:/billing#training-fee";
    }

    private static PaymentMethod method(String name) {
        try {
            return PaymentMethod.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @PostMapping("/billing/bank-lines/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String member, @RequestParam(required = false) String invoice,
                  RedirectAttributes flash) {
        try {
            Payment p = billing.assign(id, member, invoice);
            flash.addFlashAttribute("notice", "Line " + id + " is now " + member.strip() + "'s payment of "
                    + Money.of(p.amountMinor(), p.currency()).formatted() + ".");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("assignProblem", Map.of(id, e instanceof InvalidInputException i ? i.problems().get(0).message()
                    : e.getMessage()));
        }
        return "redirect:/billing#line-" + id;
    }
}
