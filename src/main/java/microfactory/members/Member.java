package microfactory.members;

import java.time.Instant;

/**
 * A person with an account. {@code publicId} is the stable pseudonym used on public records;
 * {@code email} is personal data and stays inside the chapter; {@code emailConfirmedAt} is when they followed the
 * link sent to it (null until then).
 */
public record Member(long id, String publicId, String email, String displayName, Role role,
                     boolean active, Instant joinedAt, Instant deactivatedAt, Instant emailConfirmedAt) {
}
