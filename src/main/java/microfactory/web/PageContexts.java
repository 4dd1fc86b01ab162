package microfactory.web;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;

/** Builds the {@link PageContext} of a request. */
@Component
public class PageContexts {

    private final ChapterSettings chapter;

    public PageContexts(ChapterSettings chapter) {
        this.chapter = chapter;
    }

    public PageContext of(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        String viewer = null;
        String viewerId = null;
        Set<String> roles = Set.of();
        if (signedIn) {
            viewer = auth.getPrincipal() instanceof DisplayNamed named ? named.displayName() : auth.getName();
            viewerId = auth.getPrincipal() instanceof DisplayNamed named ? named.publicId() : null;
            roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new PageContext(chapter.chapterName(), chapter.zone(), viewer, viewerId, roles,
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken(),
                path.isEmpty() ? "/" : path);
    }
}
