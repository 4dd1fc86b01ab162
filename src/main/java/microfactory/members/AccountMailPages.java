package microfactory.members;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.InvalidInputException;
import microfactory.web.FieldErrors;

/** Forgotten passwords, confirming an address, the notices a member wants and their access tokens, as pages. */
@Controller
class AccountMailPages {

    private final MemberMail mail;
    private final MemberService members;
    private final AccessTokens tokens;

    AccountMailPages(MemberMail mail, MemberService members, AccessTokens tokens) {
        this.mail = mail;
        this.members = members;
        this.tokens = tokens;
    }

    @GetMapping("/password-reset")
    String resetForm(Model model) {
        model.addAttribute("sent", false);
        return "members/password-reset";
    }

    /** The same answer whether or not the address is a member's. */
    @PostMapping("/password-reset")
    String requestReset(@RequestParam(required = false) String email, Model model) {
        if (email != null && !email.isBlank() && email.length() <= 254) {
            mail.requestPasswordReset(email);
        }
        model.addAttribute("sent", true);
        return "members/password-reset";
    }

    @GetMapping("/password-reset/confirm")
    String newPasswordForm(@RequestParam(required = false) String token, Model model) {
        return newPasswordPage(model, token, FieldErrors.NONE);
    }

    @PostMapping("/password-reset/confirm")
    String reset(@RequestParam(required = false) String token, @RequestParam(required = false) String password, Model model,
                 HttpServletResponse response) {
        try {
            mail.resetPassword(token, password);
            return "redirect:/login?reset";
        } catch (InvalidInputException e) {
            response.setStatus(e.byField().containsKey("token") ? 400 : 422);
            return newPasswordPage(model, token, FieldErrors.of(e));
        }
    }

    @GetMapping("/confirm-email")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("member", mail.confirmEmail(token));
            model.addAttribute("problem", null);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("member", null);
            model.addAttribute("problem", e.byField().get("token"));
        }
        return "members/email-confirmed";
    }

    @PostMapping("/profile/confirm-email")
    String resend(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        Member m = members.get(me.memberId());
        mail.sendConfirmation(m);
        flash.addFlashAttribute("notice", "We sent a new link to " + m.email() + ".");
        return "redirect:/profile";
    }

    @PostMapping("/profile/notifications")
    String notifications(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String seats,
                         @RequestParam(required = false) String runs, @RequestParam(required = false) String badges,
                         RedirectAttributes flash) {
        mail.setNotifications(me.memberId(), new NotificationChoices(seats != null, runs != null, badges != null));
        flash.addFlashAttribute("notice", "Your notices are saved.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String name,
                       @RequestParam(required = false) TokenScope scope, RedirectAttributes flash) {
        try {
            NewAccessToken made = tokens.create(me.memberId(), name, scope);
            flash.addFlashAttribute("newToken", made.token());
            flash.addFlashAttribute("notice", "Your token '" + made.details().name() + "' is ready. Copy it now: it is shown only once.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "No token made: " + e.getMessage());
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(me.memberId(), id);
        flash.addFlashAttribute("notice", "The token is revoked: it no longer works.");
        return "redirect:/profile";
    }

    private static String newPasswordPage(Model model, String token, FieldErrors errors) {
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("errors", errors);
        return "members/password-new";
    }
}
