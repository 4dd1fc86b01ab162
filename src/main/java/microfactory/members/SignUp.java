package microfactory.members;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new account: the sign-up form, and a steward's "add member" call. {@code planCode} may be
 * blank (an account with no membership yet); {@code role} is honoured only when a steward creates it.
 */
public record SignUp(
        @NotBlank(message = "enter your email address") @Email(message = "enter a valid email address")
        @Size(max = 254) String email,
        @NotBlank(message = "enter the name other members will see") @Size(max = 120, message = "use at most 120 characters")
        String displayName,
        @NotBlank(message = "choose a password") String password,
        String planCode,
        Role role) {
}
