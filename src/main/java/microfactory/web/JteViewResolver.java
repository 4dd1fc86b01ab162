package microfactory.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.RedirectView;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the precompiled jte templates (src/main/jte, compiled at build time). jte ships no
 * Spring Boot 4 starter, so this small resolver does that job: view "members/list" renders
 * members/list.jte with the model plus a {@link PageContext} named "page".
 */
@Component
public class JteViewResolver implements ViewResolver, Ordered {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final PageContexts pageContexts;

    public JteViewResolver(PageContexts pageContexts) {
        this.pageContexts = pageContexts;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.startsWith("redirect:")) {
            RedirectView redirect = new RedirectView(viewName.substring("redirect:".length()), true);
            redirect.setExposeModelAttributes(false);
            return redirect;
        }
        String template = viewName + ".jte";
        return engine.hasTemplate(template) ? new JteView(template) : null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private final class JteView implements View {
        private final String template;

        JteView(String template) {
            this.template = template;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Map<String, Object> params = new HashMap<>(model == null ? Map.of() : model);
            params.put("page", pageContexts.of(request));
            StringOutput output = new StringOutput();
            engine.render(template, params, output);
            response.setContentType(getContentType());
            response.getWriter().write(output.toString());
        }
    }
}
