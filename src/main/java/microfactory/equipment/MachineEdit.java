package microfactory.equipment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A machine as a steward writes it (API body and form): {@code type} is what build tasks ask for (torch-table,
 * welder), {@code count} how many of it stand here, {@code skill} ≥ {@code level} the badge a user needs.
 */
public record MachineEdit(
        @NotBlank(message = "give the machine a code, such as torch-table") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
                message = "use 2-40 lower-case letters, digits and dashes") String code,
        @NotBlank(message = "give the machine a name") @Size(max = 200, message = "use at most 200 characters") String name,
        @NotBlank(message = "give the machine's type, which build tasks ask for, such as welder")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "use 2-60 lower-case letters, digits and dashes") String type,
        String bayCode,
        @NotNull(message = "say how many there are") @Min(value = 1, message = "must be at least 1")
        @Max(value = 1000, message = "must be at most 1000") Integer count,
        @NotBlank(message = "name the skill a user needs, such as welding or safety")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "use 2-60 lower-case letters, digits and dashes") String skill,
        @NotNull(message = "give the level of that skill a user needs, 1 to 5") @Min(value = 1, message = "must be 1 to 5")
        @Max(value = 5, message = "must be 1 to 5") Integer level,
        @Min(value = 0, message = "must not be negative") Long hourlyRateMinor) {
}
