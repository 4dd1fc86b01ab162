package microfactory.web;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session's login is checked against the account on every request: a demoted steward loses the steward's rights at
 * once, a deactivated member is logged out. (HTTP Basic is checked afresh on every request anyway.)
 */
class SessionRefresh extends OncePerRequestFilter {

    private final ObjectProvider<CurrentAccounts> accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRefresh(ObjectProvider<CurrentAccounts> accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        CurrentAccounts lookup = accounts.getIfAvailable();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated() && session != null && lookup != null
                && request.getHeader("Authorization") == null) {
            Optional<UserDetails> now = lookup.current(auth.getPrincipal());
            if (now.isEmpty()) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (!new HashSet<>(now.get().getAuthorities()).equals(new HashSet<>(auth.getAuthorities()))) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
