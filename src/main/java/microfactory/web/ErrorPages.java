package microfactory.web;


import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen before any controller is chosen (unknown path, wrong method, bad media type)
 * land here: an RFC 9457 problem for the API, the error page for people. Replaces Boot's default.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith("/api/")) {
            ProblemDetail problem = Problems.of(status, detail(status, request, uri), uri);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("error", status.getReasonPhrase());
        view.addObject("message", "");
        return view;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status, HttpServletRequest request, String uri) {
        return switch (status) {
            case NOT_FOUND -> "There is no API endpoint at " + uri + "; see /api/v1/openapi.json for the ones there are.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept that HTTP method; see /api/v1/openapi.json.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This endpoint answers in application/json only.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; it has been logged.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
