package microfactory.web;

import java.util.Set;

/**
 * What every page's layout needs besides its own data: the chapter's name, who is looking,
 * the CSRF token for forms and htmx, and the path for highlighting the navigation.
 */
public record PageContext(String chapterName, String viewerName, Set<String> roles,
                          String csrfHeader, String csrfParameter, String csrfToken, String path) {

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
}
