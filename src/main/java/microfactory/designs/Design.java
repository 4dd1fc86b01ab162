package microfactory.designs;

import java.time.Instant;

/** An open design in the catalogue; {@code forkedFrom} is the version it was forked from, if any. */
public record Design(long id, String slug, String name, String description, String licence, String authors, String status,
                     String repo, Long forkedFrom, Instant createdAt) {
}
