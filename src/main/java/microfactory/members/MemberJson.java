package microfactory.members;

import java.time.Instant;

/** A member in the API, with the membership that covers today (or null). */
public record MemberJson(long id, String publicId, String email, String displayName, Role role, boolean active,
                         Instant joinedAt, Instant deactivatedAt, boolean emailConfirmed, Membership membership) {

    static MemberJson of(Member m, Membership current) {
        return new MemberJson(m.id(), m.publicId(), m.email(), m.displayName(), m.role(), m.active(), m.joinedAt(),
                m.deactivatedAt(), m.emailConfirmedAt() != null, current);
    }
}
