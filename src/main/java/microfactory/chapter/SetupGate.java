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

import microfactory.web.ProblemKind;
import microfactory.web.ProblemResponses;

/**
 * While the chapter is not set up, every page leads to /setup and every API call answers 503 saying so; while the demo
 * chapter loads (after the port opens, on a first start), every request is told to wait a moment. Runs before
 * the security filters (they would send a visitor to a login nobody can use yet). Registered by
 * {@link Registration} rather than scanned, so web-slice tests of other features run without it.
 */
class SetupGate extends OncePerRequestFilter {

    private final ChapterService chapters;
    private final ChapterSetup setup;
    private final ProblemResponses problems;
    private volatile boolean setUp;

    SetupGate(ChapterService chapters, ChapterSetup setup, ProblemResponses problems) {
        this.chapters = chapters;
        this.setup = setup;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (setUp || open(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (setup.demoLoading()) {
            loading(request, response);
        } else if (chapters.exists()) {
            setUp = true;
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, ProblemKind.CHAPTER_NOT_SET_UP,
                    "This chapter is not set up yet: an administrator opens /setup (with the token in the server's log) "
                            + "or runs 'chapter init'.");
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }

    /** While the demo loads: a page that reloads itself, or a 503 problem saying when to try again. */
    private void loading(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "2");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, ProblemKind.DEMO_LOADING, "The demo chapter is loading; try again in a few seconds.");
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Loading the demo chapter</title>"
                + "<link rel=\"stylesheet\" href=\"/css/microfactory.css\"></head><body><main><h1>The demo chapter is loading</h1>"
                + "<p class=\"lead\" id=\"demo-loading\">Members, designs, a ledger of a thousand pledges and a scheduled build are being "
                + "made; this page opens by itself in a few seconds.</p></main></body></html>");
    }

    /** What works before set-up: the set-up page itself, its styles, health, and the error page. */
    private static boolean open(String path) {
        return path.equals("/setup") || path.startsWith("/css/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico") || path.startsWith("/actuator/health") || path.equals("/error")
                || path.equals("/problems") || path.startsWith("/problems/"); // what the gate's own 503 problems link to
    }

    @Configuration
    @ConditionalOnWebApplication
    static class Registration {

        @Bean
        FilterRegistrationBean<SetupGate> setupGate(ChapterService chapters, ChapterSetup setup, ProblemResponses problems) {
            FilterRegistrationBean<SetupGate> registration = new FilterRegistrationBean<>(new SetupGate(chapters, setup, problems));
            registration.setOrder(-200); // before Spring Security's chain (-100)
            return registration;
        }
    }
}
