package microfactory.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests no controller answers, so security lets them through to a plain 404 instead of asking an
 * anonymous visitor to log in (or answering 401) for a page that does not exist. A path that exists for another
 * method, or that cannot be looked up, counts as existing: it stays protected.
 */
@Component
public class UnmappedRequests implements RequestMatcher {

    private final ApplicationContext context;
    private volatile RequestMappingHandlerMapping controllers;

    public UnmappedRequests(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = controllers();
        if (mapping == null) {
            return false;
        }
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return mapping.getHandler(request) == null;
        } catch (Exception e) {
            return false; // e.g. the path exists for another method: leave it to the rules
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    /** The controllers' mapping (MVC's own bean, by name: actuator and springdoc add others of the same type). */
    private RequestMappingHandlerMapping controllers() {
        RequestMappingHandlerMapping m = controllers;
        if (m == null && context.containsBean("requestMappingHandlerMapping")) {
            m = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            controllers = m;
        }
        return m;
    }
}
