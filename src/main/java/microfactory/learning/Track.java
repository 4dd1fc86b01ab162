package microfactory.learning;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A learning track: know-what (core technologies), know-how (skills) or know-why (mindset). */
public record Track(
        @NotBlank(message = "give the track a code") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
                message = "use 2-40 lower-case letters, digits and dashes") String code,
        @NotBlank(message = "give the track a name") @Size(max = 120, message = "use at most 120 characters") String name,
        @NotNull(message = "choose KNOW_WHAT, KNOW_HOW or KNOW_WHY") TrackKind kind,
        @Size(max = 1000, message = "use at most 1000 characters") String description) {

    /** The three tracks every chapter starts with, so modules can be written from day one. */
    static final List<Track> STANDARD = List.of(
            new Track("know-what", "Core technologies", TrackKind.KNOW_WHAT, "The machines and materials a microfactory runs on."),
            new Track("know-how", "Skills", TrackKind.KNOW_HOW, "Hands-on skills, signed off by a mentor where it matters."),
            new Track("know-why", "Mindset", TrackKind.KNOW_WHY, "Why open, collaborative production works, and how to take part."));
}
