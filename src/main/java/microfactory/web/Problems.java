package microfactory.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way every RFC 9457 problem is made, whichever part of the app answers (a controller's advice, the error
 * page, a security filter): type {@code about:blank}, the status's title, a detail a person can act on, and the
 * request's path as {@code instance}.
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
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        String path = attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getRequestURI() : null;
        return of(status, detail, path);
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
