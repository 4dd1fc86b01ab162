package microfactory.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import microfactory.common.NotFoundException;

/** What each of our problem types means: the address in a problem's "type" opens here. */
@Controller
class ProblemPages {

    @GetMapping({"/problems", "/problems/{slug}"})
    String problems(@PathVariable(required = false) String slug, Model model) {
        List<ProblemKind> kinds = Arrays.stream(ProblemKind.values())
                .filter(k -> slug == null || k.slug().equals(slug)).toList();
        if (kinds.isEmpty()) {
            throw new NotFoundException("problem type", slug);
        }
        model.addAttribute("kinds", kinds);
        return "problems";
    }
}
