package microfactory.members;

import jakarta.validation.constraints.NotNull;

/** Which notices a member wants by e-mail. */
public record NotificationChoices(@NotNull(message = "say true or false") Boolean seats,
                                  @NotNull(message = "say true or false") Boolean runs,
                                  @NotNull(message = "say true or false") Boolean badges) {

    boolean wants(Notice notice) {
        return switch (notice) {
            case SEAT -> seats;
            case RUN -> runs;
            case BADGE -> badges;
        };
    }
}
