package microfactory.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to open an account. */
public record OpenAccount(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "use 2-60 lower-case letters, digits and dashes")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull(message = "choose ASSET, LIABILITY, EQUITY, INCOME or EXPENSE") AccountType type,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as USD") String currency,
        boolean debitsMustNotExceedCredits,
        boolean creditsMustNotExceedDebits) {
}
