package microfactory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link LoginThrottle} before a password is checked: a login form posted too soon goes back to the login
 * page saying how long to wait; an API request with Basic credentials gets a 429 problem with Retry-After.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = account(request);
        if (account != null) {
            Optional<Duration> wait = throttle.wait(account, request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                if (request.getHeader("Authorization") != null) {
                    response.setHeader("Retry-After", Long.toString(seconds));
                    problems.write(request, response, ProblemKind.TOO_MANY_ATTEMPTS, "Too many wrong passwords for this account "
                            + "or from this address: wait " + seconds + " s, then try again.");
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The account a request tries to log in as: the login form's, or HTTP Basic's; null for any other request. */
    private static String account(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        boolean loginForm = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login");
        return loginForm ? request.getParameter("username") : null;
    }
}
