package microfactory.members;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
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
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.SignUpMode;
import microfactory.web.FieldErrors;

/** Sign-up, login, profile, and the steward's member list. */
@Controller
class MemberPages {

    private final MemberService members;
    private final PlanService plans;
    private final MemberMail mail;
    private final NewMemberLogIn logIn;
    private final SignUpLinks links;
    private final ChapterSettings chapter;
    private final AccessTokens tokens;
    private final SignUpProbes probes;
    private final List<ProfileCard.Source> cards;

    MemberPages(MemberService members, PlanService plans, MemberMail mail, NewMemberLogIn logIn, SignUpLinks links,
                ChapterSettings chapter, AccessTokens tokens, SignUpProbes probes, List<ProfileCard.Source> cards) {
        this.logIn = logIn;
        this.links = links;
        this.chapter = chapter;
        this.probes = probes;
        this.cards = cards;
        this.tokens = tokens;
        this.members = members;
        this.plans = plans;
        this.mail = mail;
    }

    /** {@code ?plan=code} comes from the plans page and preselects that plan. */
    @GetMapping("/signup")
    String signUpForm(@RequestParam(required = false) String plan, Model model) {
        return signUpPage(model, new SignUp("", "", "", plan == null ? "" : plan, null), FieldErrors.NONE);
    }

    @PostMapping("/signup")
    String signUp(SignUp form, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        if (chapter.signUpMode() == SignUpMode.EMAIL_LINK) {
            return askForLink(form, model, request, response);
        }
        Optional<Duration> wait = probes.wait(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait.get().toSeconds() + 1));
            return signUpPage(model, new SignUp(form.email(), form.displayName(), "", form.planCode(), null),
                    FieldErrors.of(InvalidInputException.of("email", "too many sign-ups from your network named addresses "
                            + "that have accounts; try again in " + (wait.get().toMinutes() + 1) + " minutes, or log in")));
        }
        try {
            Member m = members.signUp(new SignUp(form.email(), form.displayName(), form.password(), form.planCode(), null));
            logIn.logIn(m, request, response);
            flash.addFlashAttribute("notice", "Welcome, " + m.displayName() + ": your account is ready and you are logged in. "
                    + "We sent a link to " + m.email() + " to confirm the address.");
            return "redirect:/";
        } catch (InvalidInputException e) {
            if (e.problems().stream().anyMatch(p -> p.message().equals(MemberService.EMAIL_TAKEN))) {
                probes.record(request.getRemoteAddr());
                mail.tellOwnerOfSignUpAttempt(form.email());
            }
            response.setStatus(422);
            // Never echo the password back into the page.
            return signUpPage(model, new SignUp(form.email(), form.displayName(), "", form.planCode(), null),
                    FieldErrors.of(e));
        }
    }

    /** Joining by link: the same answer whatever the address (see {@link SignUpLinks}). */
    private String askForLink(SignUp form, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<Duration> wait = probes.linkWait(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait.get().toSeconds() + 1));
            return signUpPage(model, new SignUp(form.email(), "", "", form.planCode(), null),
                    FieldErrors.of(InvalidInputException.of("email", "too many sign-ups from your network this hour; try again in "
                            + (wait.get().toMinutes() + 1) + " minutes")));
        }
        try {
            links.request(form.email(), form.planCode());
            probes.recordLink(request.getRemoteAddr());
            return "redirect:/signup/sent";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return signUpPage(model, new SignUp(form.email(), "", "", form.planCode(), null), FieldErrors.of(e));
        }
    }

    private String signUpPage(Model model, SignUp form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("plans", plans.offered());
        model.addAttribute("byLink", chapter.signUpMode() == SignUpMode.EMAIL_LINK);
        return "members/signup";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String registered,
                 @RequestParam(required = false) String founded, @RequestParam(required = false) String reset,
                 @RequestParam(required = false) Integer wait, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("wait", wait);
        model.addAttribute("notice", registered != null
                ? "Your account is ready. We sent a link to your address to confirm it; log in to start."
                : founded != null ? "The chapter is set up. Log in as its administrator to add bays, machines and plans."
                : reset != null ? "Your password is changed. Log in with the new one." : null);
        return "members/login";
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        return profilePage(model, members.get(me.memberId()), FieldErrors.NONE);
    }

    @PostMapping("/profile")
    String rename(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String displayName,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            members.rename(me.memberId(), displayName);
            flash.addFlashAttribute("notice", "Your name is now shown as " + displayName.strip() + ".");
            return "redirect:/profile";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return profilePage(model, members.get(me.memberId()), FieldErrors.of(e));
        }
    }

    private String profilePage(Model model, Member member, FieldErrors errors) {
        model.addAttribute("member", member);
        model.addAttribute("memberships", members.memberships(member.id()));
        model.addAttribute("current", members.currentMembership(member.id()).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("notices", mail.notifications(member.id()));
        model.addAttribute("tokens", tokens.of(member.id()));
        model.addAttribute("cards", cards.stream().flatMap(c -> c.cardFor(member).stream()).toList());
        return "members/profile";
    }

    @GetMapping("/members")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        fillList(model, q, status, page);
        return "members/list";
    }

    /** The htmx fragment the search box swaps in as you type. */
    @GetMapping("/members/rows")
    String rows(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        fillList(model, q, status, page);
        return "members/rows";
    }

    private void fillList(Model model, String q, String status, int page) {
        Boolean active = "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
        int safePage = Math.max(0, page);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("pageNumber", safePage);
        model.addAttribute("results", members.search(q, active, safePage));
        model.addAttribute("pageSize", MemberService.PAGE_SIZE);
    }

    @GetMapping("/members/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("member", members.get(id));
        model.addAttribute("memberships", members.memberships(id));
        model.addAttribute("plans", plans.offered());
        model.addAttribute("roles", List.of(Role.values()));
        return "members/detail";
    }

    @PostMapping("/members/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        return act(id, flash, () -> members.deactivate(id, me.memberId()).displayName() + " is deactivated and can no longer log in.");
    }

    @PostMapping("/members/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> members.reactivate(id).displayName() + " is active again.");
    }

    @PostMapping("/members/{id}/role")
    String role(@PathVariable long id, @RequestParam Role role, @AuthenticationPrincipal MemberPrincipal me,
                RedirectAttributes flash) {
        return act(id, flash, () -> members.changeRole(id, role, me.memberId()).displayName() + " is now " + role.name().toLowerCase() + ".");
    }

    @PostMapping("/members/{id}/memberships")
    String join(@PathVariable long id, @RequestParam String planCode,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                RedirectAttributes flash) {
        return act(id, flash, () -> {
            Membership m = members.join(id, planCode, startsOn, null);
            return "Added to " + m.planName() + " from " + m.startsOn() + ".";
        });
    }

    /** Runs a steward action and reports its outcome on the member's page, success or refusal. */
    private String act(long id, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (ConflictException | InvalidInputException | ForbiddenException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/members/" + id;
    }
}
