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

import microfactory.common.InvalidInputException;
import microfactory.web.FieldErrors;

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
        try {
            chapters.update(form.toEdit());
            flash.addFlashAttribute("notice", "Settings saved.");
            return "redirect:/admin/settings";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(model, form, FieldErrors.of(e));
        }
    }

    private String page(Model model, SettingsForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("localUrl", chapters.publicUrlIsLocal());
        model.addAttribute("zones", List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        return "chapter/settings";
    }
}
