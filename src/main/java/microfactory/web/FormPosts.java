package microfactory.web;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.InvalidInputException;

/**
 * How a page's form is saved everywhere: on success a notice and a redirect (so a reload posts nothing twice); on
 * invalid input the form again with status 422 and each error beside its field, nothing stored.
 */
public final class FormPosts {

    private FormPosts() {
    }

    public static <T> String save(Supplier<T> save, Function<T, String> notice, String redirectTo, RedirectAttributes flash,
                                  HttpServletResponse response, Function<FieldErrors, String> formAgain) {
        return save(save, notice, redirectTo, flash, response, formAgain, Map.of());
    }

    /** The same, for a form whose fields are named otherwise than the request's ({@code formNames}: request → form). */
    public static <T> String save(Supplier<T> save, Function<T, String> notice, String redirectTo, RedirectAttributes flash,
                                  HttpServletResponse response, Function<FieldErrors, String> formAgain,
                                  Map<String, String> formNames) {
        try {
            T saved = save.get();
            flash.addFlashAttribute("notice", notice.apply(saved));
            return "redirect:" + redirectTo;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return formAgain.apply(FieldErrors.of(e.renamed(formNames)));
        }
    }
}
