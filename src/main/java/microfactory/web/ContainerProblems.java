package microfactory.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before the app sees them (an encoded '/' or '..', %00, invalid UTF-8, headers over the
 * limit) are answered as RFC 9457 problems like every other error, not as the container's HTML page: the host's
 * error report valve is replaced by {@link ProblemReportValve}.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((TomcatContextCustomizer) context -> useProblemValve(context.getParent()));
    }

    private static void useProblemValve(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            // Else the host adds its default valve again when it starts.
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        host.getPipeline().addValve(new ProblemReportValve());
    }

    /** Writes the problem only when nothing was written yet, as Tomcat's own valve does. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            }
            try {
                response.setContentType(ProblemResponses.PROBLEM_JSON);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    // No instance: the request's address may be the very thing that could not be read.
                    writer.write(JSON.writeValueAsString(Problems.asMap(Problems.of(status, detail(status), null))));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client has gone or the response is closed: nothing more to tell it.
            }
        }

        static String detail(HttpStatus status) {
            return switch (status) {
                case BAD_REQUEST -> "The server could not read this request: its path has an encoded '/' or '\\', "
                        + "a '..' or %00, or bytes that are not UTF-8, or its headers are too large. "
                        + "Send the path as the API describes it, with ordinary characters %-encoded once.";
                case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG ->
                        "The request line or its headers are too long; send a shorter address or fewer headers.";
                default -> status.getReasonPhrase() + ".";
            };
        }
    }
}
