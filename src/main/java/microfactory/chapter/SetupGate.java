package microfactory.chapter;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import microfactory.web.ProblemResponses;

/**
 * While the chapter is not set up, every page leads to /setup and every API call answers 503 saying so. Runs before
 * the security filters (they would send a visitor to a login nobody can use yet). Registered by
 * {@link Registration} rather than scanned, so web-slice tests of other features run without it.
 */
class SetupGate extends OncePerRequestFilter {

    private final ChapterService chapters;
    private final ProblemResponses problems;
    private volatile boolean setUp;

    SetupGate(ChapterService chapters, ProblemResponses problems) {
        this.chapters = chapters;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (setUp || open(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        if (chapters.exists()) {
            setUp = true;
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "This chapter is not set up yet: an administrator opens /setup (with the token in the server's log) "
                            + "or runs 'chapter init'.");
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }

    /** What works before set-up: the set-up page itself, its styles, health, and the error page. */
    private static boolean open(String path) {
        return path.equals("/setup") || path.startsWith("/css/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico") || path.startsWith("/actuator/health") || path.equals("/error");
    }

    @Configuration
    @ConditionalOnWebApplication
    static class Registration {

        @Bean
        FilterRegistrationBean<SetupGate> setupGate(ChapterService chapters, ProblemResponses problems) {
            FilterRegistrationBean<SetupGate> registration = new FilterRegistrationBean<>(new SetupGate(chapters, problems));
            registration.setOrder(-200); // before Spring Security's chain (-100)
            return registration;
        }
    }
}
