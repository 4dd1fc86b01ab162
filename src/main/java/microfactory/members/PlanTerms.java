package microfactory.members;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A plan as a steward writes it (API body and form). Which amount applies depends on {@code kind}. */
public record PlanTerms(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "use 2-40 lower-case letters, digits and dashes")
        String code,
        @NotBlank @Size(max = 120) String name,
        @NotNull PlanKind kind,
        @Min(value = 0, message = "must not be negative") Long annualDuesMinor,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as USD")
        String currency,
        @Min(value = 0, message = "must be between 0 and 10000 basis points")
        @Max(value = 10000, message = "must be between 0 and 10000 basis points") Integer valueShareBp,
        @NotNull(message = "say whether the plan gives the right to use the factory (true or false)") Boolean usufructRight,
        @NotNull(message = "say whether the plan gives the right to training (true or false)") Boolean trainingRight,
        @Size(max = 2000) String description,
        Boolean active) {
}
