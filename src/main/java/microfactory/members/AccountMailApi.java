package microfactory.members;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts by e-mail in JSON: asking for a password reset (always 202, whether or not the address is a member's),
 * setting the new password with the mailed token, confirming an address, and a member's notice choices.
 */
@RestController
class AccountMailApi {

    private final MemberMail mail;

    AccountMailApi(MemberMail mail) {
        this.mail = mail;
    }

    record ResetRequest(String email) {
    }

    record NewPassword(String token, String password) {
    }

    record Confirmation(String token) {
    }

    @PostMapping("/api/v1/members/password-reset")
    ResponseEntity<Void> requestReset(@RequestBody ResetRequest request) {
        if (request.email() != null && !request.email().isBlank() && request.email().length() <= 254) {
            mail.requestPasswordReset(request.email());
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/members/password-reset/confirm")
    ResponseEntity<Void> reset(@RequestBody NewPassword request) {
        mail.resetPassword(request.token(), request.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/members/email-confirmation")
    ResponseEntity<Void> confirm(@RequestBody Confirmation request) {
        mail.confirmEmail(request.token());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/members/me/notifications")
    NotificationChoices notifications(@AuthenticationPrincipal MemberPrincipal me) {
        return mail.notifications(me.memberId());
    }

    @PutMapping("/api/v1/members/me/notifications")
    NotificationChoices setNotifications(@AuthenticationPrincipal MemberPrincipal me, @RequestBody NotificationChoices choices) {
        return mail.setNotifications(me.memberId(), choices);
    }
}
