package microfactory.web;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer mft_…} on the API: the token's member, without a password hash on every request. A
 * read-only token writes nothing (403); an unknown or revoked token is a 401 problem.
 */
class BearerAuthentication extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ObjectProvider<BearerTokens> tokens;
    private final ProblemResponses problems;

    BearerAuthentication(ObjectProvider<BearerTokens> tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        BearerTokens lookup = tokens.getIfAvailable();
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || lookup == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<BearerTokens.Bearer> bearer = lookup.authenticate(header.substring(7).strip());
        if (bearer.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "This access token is unknown or revoked; make a new one on your profile page.");
            return;
        }
        if (!bearer.get().writes() && !READS.contains(request.getMethod())) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "This access token may only read; make a WRITE token to change things.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.get().principal(), null,
                bearer.get().principal().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
