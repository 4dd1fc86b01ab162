package microfactory.members;

import java.time.Instant;

/** A personal access token as its owner sees it (never the token itself, which is shown once at creation). */
public record AccessToken(long id, String name, TokenScope scope, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
