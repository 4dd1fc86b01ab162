package microfactory.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one way every RFC 9457 problem is made, whichever part of the app answers (a controller's advice, the error
 * page, a security filter): type {@code about:blank} and the status's title for plain HTTP statuses, or one of our
 * {@link ProblemKind}s (its absolute type URI and title); a detail a person can act on, and the request's path as
 * {@code instance}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** For the request being handled (its path as instance). */
    public static ProblemDetail of(HttpStatus status, String detail) {
        HttpServletRequest request = currentRequest();
        return of(status, detail, request == null ? null : request.getRequestURI());
    }

    /** One of our own kinds, its type URI on the server this request reached. */
    public static ProblemDetail of(ProblemKind kind, String detail, HttpServletRequest request) {
        ProblemDetail problem = of(kind.status(), detail, request == null ? null : request.getRequestURI());
        problem.setTitle(kind.title());
        problem.setType(request == null ? URI.create(kind.path())
                : ServletUriComponentsBuilder.fromContextPath(request).path(kind.path()).build().toUri());
        return problem;
    }

    /** One of our own kinds, for the request being handled. */
    public static ProblemDetail of(ProblemKind kind, String detail) {
        return of(kind, detail, currentRequest());
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    /** The problem as the JSON members RFC 9457 names, extensions (such as "errors") beside them. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
