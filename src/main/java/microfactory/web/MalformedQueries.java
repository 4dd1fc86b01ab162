package microfactory.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string with a broken %-escape ("?limit=%") is refused at once as a 400 problem naming it: left to the
 * container, reading its parameters failed later as a server error.
 */
class MalformedQueries extends OncePerRequestFilter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final ProblemResponses problems;

    MalformedQueries(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "The query string has a broken %-escape: write % as %25, and every escape as % and two hex digits.");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<MalformedQueries> malformedQueries(ProblemResponses problems) {
            FilterRegistrationBean<MalformedQueries> registration = new FilterRegistrationBean<>(new MalformedQueries(problems));
            registration.setOrder(-300); // before everything that reads parameters
            return registration;
        }
    }
}
