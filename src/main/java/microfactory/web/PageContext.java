package microfactory.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * What every page's layout needs besides its own data: the chapter's name and time zone, who is looking,
 * the CSRF token for forms and htmx, and the path for highlighting the navigation.
 */
public record PageContext(String chapterName, ZoneId zone, String viewerName, String viewerId, Set<String> roles,
                          String csrfHeader, String csrfParameter, String csrfToken, String path) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public boolean signedIn() {
        return viewerName != null;
    }

    public boolean isSteward() {
        return roles.contains("ROLE_STEWARD");
    }

    public boolean isAdmin() {
        return roles.contains("ROLE_ADMIN");
    }

    /** True when the current path is the given area or below it: marks the active navigation link. */
    public boolean in(String area) {
        return area.equals("/") ? path.equals("/") : path.equals(area) || path.startsWith(area + "/");
    }

    /** The htmx header attribute value that carries the CSRF token on every htmx request. */
    public String htmxHeaders() {
        return "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }

    /** An instant as local time in the chapter's zone, e.g. "2026-12-03 14:30"; empty for none. */
    public String time(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    /** An instant's date in the chapter's zone. */
    public String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    /** The zone's short name, to say which local time a page shows (e.g. "CET", "WAT"). */
    public String zoneName() {
        return zone.getId();
    }
}
