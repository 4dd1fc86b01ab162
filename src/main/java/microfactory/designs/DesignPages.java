package microfactory.designs;

import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;

/** Catalogue, design pages, bundle download; stewards import (with a preview) and fork. */
@Controller
class DesignPages {

    private final DesignService designs;

    DesignPages(DesignService designs) {
        this.designs = designs;
    }

    @GetMapping("/designs")
    String catalogue(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("designs", designs.catalogue(q));
        model.addAttribute("q", q == null ? "" : q);
        return "designs/catalogue";
    }

    @GetMapping("/designs/{slug}")
    String design(@PathVariable String slug, Model model) {
        model.addAttribute("view", designs.view(slug));
        return "designs/design";
    }

    @GetMapping("/designs/{slug}/bundle.zip")
    ResponseEntity<byte[]> bundle(@PathVariable String slug) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip")).body(designs.bundle(slug));
    }

    @GetMapping("/import-design")
    String importForm(Model model) {
        model.addAttribute("preview", null);
        model.addAttribute("problems", List.of());
        model.addAttribute("payload", "");
        return "designs/import";
    }

    /** Step 1: read the bundle and show what would be imported, with every problem; nothing is stored. */
    @PostMapping("/import-design/preview")
    String preview(@RequestParam("bundle") MultipartFile file, Model model, HttpServletResponse response) throws java.io.IOException {
        byte[] zip = file.getBytes();
        DesignBundle.Read read = DesignBundle.read(zip);
        List<String> problems = designs.check(read.content(), read.problems());
        if (!problems.isEmpty()) {
            response.setStatus(422);
        }
        model.addAttribute("preview", read.content());
        model.addAttribute("problems", problems);
        model.addAttribute("payload", problems.isEmpty() ? Base64.getEncoder().encodeToString(zip) : "");
        return "designs/import";
    }

    /** Step 2: the steward confirms; the same bytes are imported. */
    @PostMapping("/import-design")
    String confirm(@RequestParam String payload, @RequestParam(required = false) String slug, RedirectAttributes flash) {
        try {
            Design d = designs.importBundle(slug, Base64.getDecoder().decode(payload));
            flash.addFlashAttribute("notice", "Imported " + d.name() + ".");
            return "redirect:/designs/" + d.slug();
        } catch (InvalidInputException | ConflictException | IllegalArgumentException e) {
            flash.addFlashAttribute("notice", "Not imported: " + e.getMessage());
            return "redirect:/import-design";
        }
    }

    @PostMapping("/designs/{slug}/fork")
    String fork(@PathVariable String slug, @RequestParam(required = false) String newSlug,
                @RequestParam(required = false) String name, RedirectAttributes flash) {
        try {
            Design d = designs.fork(slug, newSlug, name);
            flash.addFlashAttribute("notice", "Forked into " + d.name() + ": change it and build it.");
            return "redirect:/designs/" + d.slug();
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("notice", "Not forked: " + e.getMessage());
            return "redirect:/designs/" + slug;
        }
    }
}
