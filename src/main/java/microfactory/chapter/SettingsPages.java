package microfactory.chapter;

import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.web.FieldErrors;
import microfactory.web.FormPosts;

/** Administration: the hub that lists what an admin sets, and the chapter's settings page. */
@Controller
class SettingsPages {

    private final ChapterService chapters;

    SettingsPages(ChapterService chapters) {
        this.chapters = chapters;
    }

    @GetMapping("/admin")
    String hub(Model model) {
        model.addAttribute("chapter", chapters.chapter());
        model.addAttribute("localUrl", chapters.publicUrlIsLocal());
        return "chapter/admin";
    }

    @GetMapping("/admin/settings")
    String settings(Model model) {
        return page(model, SettingsForm.of(chapters.chapter()), FieldErrors.NONE);
    }

    /** The form sends every field: an empty economic target clears it. */
    @PostMapping("/admin/settings")
    String save(SettingsForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormPosts.save(() -> chapters.update(form.toEdit()), c -> "Settings saved.", "/admin/settings", flash, response,
                errors -> page(model, form, errors));
    }

    private String page(Model model, SettingsForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("localUrl", chapters.publicUrlIsLocal());
        model.addAttribute("zones", List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        return "chapter/settings";
    }
}
