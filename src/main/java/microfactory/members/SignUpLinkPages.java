package microfactory.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.InvalidInputException;
import microfactory.web.FieldErrors;

/** Joining by e-mailed link: "check your mail", and the page the link opens, where the newcomer chooses name and password. */
@Controller
class SignUpLinkPages {

    private final SignUpLinks links;
    private final PlanService plans;
    private final NewMemberLogIn logIn;

    SignUpLinkPages(SignUpLinks links, PlanService plans, NewMemberLogIn logIn) {
        this.links = links;
        this.plans = plans;
        this.logIn = logIn;
    }

    @GetMapping("/signup/sent")
    String sent(Model model) {
        model.addAttribute("problem", null);
        return "members/signup-link";
    }

    @GetMapping("/signup/finish")
    String finishForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            SignUpLinks.Pending pending = links.pending(token);
            return finishPage(model, token, new SignUp(pending.email(), "", "",
                    pending.planCode() == null ? "" : pending.planCode(), null), FieldErrors.NONE);
        } catch (InvalidInputException e) {
            return badLink(e, model, response);
        }
    }

    @PostMapping("/signup/finish")
    String finish(@RequestParam(required = false) String token, SignUp form, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes flash) {
        SignUpLinks.Pending pending;
        try {
            pending = links.pending(token);
        } catch (InvalidInputException e) {
            return badLink(e, model, response);
        }
        try {
            Member m = links.finish(token, form.displayName(), form.password(), form.planCode());
            logIn.logIn(m, request, response);
            flash.addFlashAttribute("notice", "Welcome, " + m.displayName() + ": your account is ready and you are logged in.");
            return "redirect:/";
        } catch (InvalidInputException e) {
            response.setStatus(e.byField().containsKey("token") ? 400 : 422);
            // Never echo the password back into the page.
            return finishPage(model, token, new SignUp(pending.email(), form.displayName(), "", form.planCode(), null),
                    FieldErrors.of(e));
        }
    }

    private String badLink(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("problem", e.byField().get("token"));
        return "members/signup-link";
    }

    private String finishPage(Model model, String token, SignUp form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("plans", plans.offered());
        model.addAttribute("byLink", false);
        model.addAttribute("token", token);
        return "members/signup";
    }
}
