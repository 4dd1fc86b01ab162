package microfactory.audit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The record of administrative changes. Features call {@link #record} inside their own transaction, so a change
 * and its audit event are written together or not at all. The actor is whoever is signed in (or "system" for the
 * application itself, e.g. the command line).
 */
@Service
public class AuditLog {

    public static final int PAGE_SIZE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditRepository events;
    private final Clock clock;

    AuditLog(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records a change; {@code before} or {@code after} may be null (a creation, a removal). Values become JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String subject, Object before, Object after) {
        if (Objects.equals(before, after) && before != null) {
            return; // nothing changed: no event
        }
        events.insert(clock.instant(), actor(), action, subject, json(before), json(after));
    }

    public List<AuditEvent> latest(AuditAction action, Long beforeId) {
        return events.latest(action, beforeId, PAGE_SIZE);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return auth.getName();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : JSON.writeValueAsString(value);
    }
}
