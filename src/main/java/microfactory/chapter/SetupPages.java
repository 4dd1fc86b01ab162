package microfactory.chapter;

import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.web.FieldErrors;

/** The first-run page: found the chapter with the token from the server's log. Gone once the chapter exists. */
@Controller
class SetupPages {

    private final ChapterService chapters;
    private final ChapterFounding founding;
    private final SetupToken token;

    SetupPages(ChapterService chapters, ChapterFounding founding, SetupToken token) {
        this.chapters = chapters;
        this.founding = founding;
        this.token = token;
    }

    @GetMapping("/setup")
    String form(HttpServletRequest request, Model model) {
        requireNotSetUp();
        String zone = ZoneId.systemDefault().getId();
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return page(model, new SetupForm("", "", "USD", zone.contains("/") ? zone : "UTC", base, "", "", "", "", ""),
                FieldErrors.NONE);
    }

    @PostMapping("/setup")
    String found(SetupForm form, Model model, HttpServletResponse response) {
        requireNotSetUp();
        if (!token.matches(form.token())) {
            response.setStatus(403);
            return page(model, form.withoutSecrets(), FieldErrors.of(InvalidInputException.of("token",
                    "this is not the set-up token; copy it from the server's log (it is printed at start)")));
        }
        try {
            founding.found(form.founding());
            token.spend();
            return "redirect:/login?founded";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(model, form.withoutSecrets(), FieldErrors.of(e));
        }
    }

    private void requireNotSetUp() {
        if (chapters.exists()) {
            throw new NotFoundException("The chapter is set up; admins change it under Settings.");
        }
    }

    private static String page(Model model, SetupForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zones", List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).toList()));
        return "chapter/setup";
    }
}
