package microfactory.audit;

import java.time.Instant;

/** One administrative change: who, when, what, and the state before and after as JSON (null where there was none). */
public record AuditEvent(long id, Instant at, String actor, AuditAction action, String subject, String before, String after) {
}
