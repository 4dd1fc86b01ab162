package microfactory.learning;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.InvalidInputException;
import microfactory.web.FieldErrors;
import microfactory.web.FormPosts;

/** Stewards keep the learning tracks modules are written into: add one, rename or re-describe one. */
@Controller
class TrackPages {

    private final LearningService learning;

    TrackPages(LearningService learning) {
        this.learning = learning;
    }

    @GetMapping("/learn/tracks")
    String tracks(Model model) {
        return page(model, new TrackForm("", "", TrackKind.KNOW_HOW.name(), ""), FieldErrors.NONE);
    }

    @PostMapping("/learn/tracks")
    String add(TrackForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormPosts.save(() -> learning.addTrack(form.toTrack()), t -> "Added the track " + t.name() + ". Now write its first module.",
                "/learn/tracks", flash, response, errors -> page(model, form, errors));
    }

    @PostMapping("/learn/tracks/{code}")
    String update(@PathVariable String code, TrackForm form, RedirectAttributes flash) {
        try {
            Track t = learning.updateTrack(code, new TrackForm(code, form.name(), form.kind(), form.description()).toTrack());
            flash.addFlashAttribute("notice", "Saved the track " + t.name() + ".");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "The track " + code + " was not changed: " + e.getMessage());
        }
        return "redirect:/learn/tracks";
    }

    private String page(Model model, TrackForm form, FieldErrors errors) {
        model.addAttribute("tracks", learning.tracks());
        model.addAttribute("kinds", List.of(TrackKind.values()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "learning/tracks";
    }
}
