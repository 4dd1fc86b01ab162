package microfactory.equipment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A bay as a steward writes it (API body and form). */
public record BayEdit(
        @NotBlank(message = "give the bay a short code, such as B01") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,19}",
                message = "use 1-20 letters, digits and dashes, such as B01") String code,
        @NotBlank(message = "give the bay a name, such as Assembly bay 1") @Size(max = 200, message = "use at most 200 characters")
        String name,
        @NotBlank(message = "say what the bay is for, such as assembly, welding or woodworking")
        @Size(max = 40, message = "use at most 40 characters") String kind,
        @NotNull(message = "give the floor area in square metres") @Min(value = 1, message = "must be at least 1 m²")
        @Max(value = 100_000, message = "must be at most 100,000 m²") Integer areaM2,
        @Size(max = 1000, message = "use at most 1000 characters") String description) {
}
