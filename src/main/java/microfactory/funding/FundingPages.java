package microfactory.funding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.members.MemberPrincipal;
import microfactory.members.PlanService;
import microfactory.web.FieldErrors;

/** The funding pages: campaigns with their funding bars, pledging, and a steward's start and close. */
@Controller
class FundingPages {

    private final CampaignService campaigns;
    private final ChapterSettings chapter;
    private final Clock clock;
    private final PlanService plans;

    FundingPages(CampaignService campaigns, ChapterSettings chapter, Clock clock, PlanService plans) {
        this.plans = plans;
        this.campaigns = campaigns;
        this.chapter = chapter;
        this.clock = clock;
    }

    @GetMapping("/funding")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.campaigns());
        return "funding/campaigns";
    }

    @GetMapping("/funding/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        return campaignPage(model, campaigns.campaign(id), FieldErrors.NONE);
    }

    @PostMapping("/funding/campaigns/{id}/pledge")
    String pledge(@PathVariable long id, @RequestParam(required = false) String amount, @RequestParam(required = false) Long tier,
                  @AuthenticationPrincipal MemberPrincipal me,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        Campaign c = campaigns.campaign(id);
        try {
            Long minor = Money.parseMinor(amount == null ? "" : amount, c.currency()).orElseThrow(() -> InvalidInputException.of(
                    "amount", "write an amount in " + c.currency() + ", such as 250 or 250.00"));
            Pledge p = campaigns.pledge(id, me.memberId(), minor, tier);
            flash.addFlashAttribute("notice", "Thank you: your pledge of " + Money.of(p.amountMinor(), c.currency())
                    + " is held on the ledger (" + p.transferId() + ") until the campaign closes.");
            return "redirect:/funding/campaigns/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 422);
            // The form's field is "amount" (as typed); the service names it "amountMinor".
            return campaignPage(model, c, e instanceof InvalidInputException invalid
                    ? FieldErrors.of(invalid.renamed(Map.of("amountMinor", "amount", "tier", "amount")))
                    : FieldErrors.of(InvalidInputException.of("amount", e.getMessage())));
        }
    }

    private String campaignPage(Model model, Campaign c, FieldErrors errors) {
        List<Pledge> pledges = campaigns.pledges(c.id());
        Instant now = clock.instant();
        model.addAttribute("campaign", c);
        model.addAttribute("pledges", pledges);
        model.addAttribute("curve", PledgeCurve.of(c, pledges, chapter.zone(), now));
        model.addAttribute("daysLeft", Math.max(0, Duration.between(now, c.deadline()).toDays()));
        model.addAttribute("errors", errors);
        return "funding/campaign";
    }

    @PostMapping("/funding/campaigns/{id}/withdraw")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        int n = campaigns.withdraw(id, me.memberId());
        flash.addFlashAttribute("notice", n == 1 ? "Your pledge is withdrawn: its held transfer is voided."
                : "Your " + n + " pledges are withdrawn: their held transfers are voided.");
        return "redirect:/funding/campaigns/" + id;
    }

    @PostMapping("/funding/campaigns/{id}/close")
    String close(@PathVariable long id, RedirectAttributes flash) {
        Campaign c = campaigns.close(id);
        flash.addFlashAttribute("notice", "The campaign is closed: " + c.status().label() + ".");
        return "redirect:/funding/campaigns/" + id;
    }

    @PostMapping("/funding/campaigns/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes flash) {
        campaigns.cancel(id);
        flash.addFlashAttribute("notice", "The campaign is called off: every held pledge is released.");
        return "redirect:/funding/campaigns/" + id;
    }

    @GetMapping("/funding/new")
    String newCampaign(Model model) {
        return form(model, new CampaignForm("", "", "", chapter.currency(),
                chapter.today(clock).plusDays(30).toString(), CampaignMode.ALL_OR_NOTHING.name(),
                "", "", "", ""), FieldErrors.NONE);
    }

    @PostMapping("/funding")
    String create(CampaignForm form, Model model, HttpServletResponse response) {
        String currency = form.currency() == null || form.currency().isBlank() ? chapter.currency() : form.currency().strip();
        Optional<Long> goal = Money.parseMinor(form.goal() == null ? "" : form.goal(), currency);
        Instant deadline = null;
        try {
            deadline = ZonedDateTime.of(LocalDate.parse(form.deadline().strip()), LocalTime.of(23, 59), chapter.zone()).toInstant();
        } catch (RuntimeException e) {
            // named below, beside the field
        }
        CampaignMode mode = "KEEP_WHAT_YOU_RAISE".equals(form.mode()) ? CampaignMode.KEEP_WHAT_YOU_RAISE : CampaignMode.ALL_OR_NOTHING;
        try {
            List<FieldProblem> unreadable = new ArrayList<>();
            if (goal.isEmpty()) {
                unreadable.add(new FieldProblem("goal", "write the goal in " + currency + ", such as 50000"));
            }
            if (deadline == null) {
                unreadable.add(new FieldProblem("deadline", "a date such as 2027-03-31"));
            }
            List<NewTier> tiers = new ArrayList<>();
            if (form.tierName() != null && !form.tierName().isBlank()) {
                Optional<Long> least = Money.parseMinor(form.tierAmount() == null ? "" : form.tierAmount(), currency);
                Integer limit = null;
                if (form.tierLimit() != null && !form.tierLimit().isBlank()) {
                    try {
                        limit = Integer.valueOf(form.tierLimit().strip());
                    } catch (NumberFormatException e) {
                        unreadable.add(new FieldProblem("tierLimit", "a whole number of backers, or empty for no limit"));
                    }
                }
                if (least.isEmpty()) {
                    unreadable.add(new FieldProblem("tierAmount", "the least pledge for this reward in " + currency + ", such as 5000"));
                }
                tiers.add(new NewTier(form.tierName(), least.orElse(null), limit,
                        form.tierPlan() == null || form.tierPlan().isBlank() ? null : form.tierPlan()));
            }
            if (!unreadable.isEmpty()) {
                throw new InvalidInputException(unreadable);
            }
            Campaign c = campaigns.create(new NewCampaign(form.title(), form.story(), goal.get(), currency, deadline, mode, null,
                    tiers));
            return "redirect:/funding/campaigns/" + c.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(model, form, FieldErrors.of(e.renamed(Map.of("goalMinor", "goal", "tiers[0].name", "tierName",
                    "tiers[0].amountMinor", "tierAmount", "tiers[0].maxBackers", "tierLimit", "tiers[0].planCode", "tierPlan"))));
        }
    }

    private String form(Model model, CampaignForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("plans", plans.offered());
        model.addAttribute("errors", errors);
        return "funding/new";
    }
}
