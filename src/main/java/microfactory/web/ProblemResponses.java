package microfactory.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems written straight to the response, for errors raised by the security filters
 * before any controller (and its advice) is reached.
 */
@Component
public class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    private final JsonMapper json = JsonMapper.builder().build();

    public AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"microfactory\"");
            write(request, response, HttpStatus.UNAUTHORIZED,
                    "Sign in to use this endpoint: send HTTP Basic credentials or use a browser session.");
        };
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN,
                request.getUserPrincipal() == null
                        ? "This request needs a valid CSRF token (browser sessions) or HTTP Basic credentials."
                        : "Your role does not allow this: it needs a steward or an admin.");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(response, Problems.of(status, detail, request.getRequestURI()));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemKind kind, String detail)
            throws IOException {
        write(response, Problems.of(kind, detail, request));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = Problems.asMap(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
