package microfactory.designs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.learning.Gate;
import microfactory.learning.LearningService;
import microfactory.members.MemberPrincipal;
import microfactory.web.FieldErrors;

/** Catalogue, design pages, bundle download; stewards import (with a preview) and fork. */
@Controller
class DesignPages {

    private final DesignService designs;
    private final LearningService learning;
    private final ChapterSettings chapter;

    DesignPages(DesignService designs, LearningService learning, ChapterSettings chapter) {
        this.learning = learning;
        this.chapter = chapter;
        this.designs = designs;
    }

    @GetMapping("/designs")
    String catalogue(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("designs", designs.catalogue(q));
        model.addAttribute("q", q == null ? "" : q);
        return "designs/catalogue";
    }

    @GetMapping("/designs/{slug}")
    String design(@PathVariable String slug, @RequestParam(required = false) String version,
                  @AuthenticationPrincipal MemberPrincipal me, Model model) {
        DesignView view = designs.view(slug, version);
        model.addAttribute("view", view);
        model.addAttribute("gates", me == null ? Map.of() : taskGates(view, me.memberId()));
        model.addAttribute("currency", chapter.currency());
        model.addAttribute("gitUrl", chapter.publicUrl().replaceAll("/+$", "") + "/designs/" + view.design().slug() + ".git");
        return "designs/design";
    }

    /** Per task, whether this member may take a place on it (holding any of its badges) — else what to learn for the first. */
    private Map<String, Gate> taskGates(DesignView view, long memberId) {
        Map<String, Gate> gates = new HashMap<>();
        for (BuildTask t : view.tasks().tasks()) {
            for (SkillNeed need : t.skills()) {
                Gate gate = learning.gate(memberId, need.skill(), need.level());
                if (gate.allowed() || !gates.containsKey(t.code())) {
                    gates.put(t.code(), gate);
                }
                if (gate.allowed()) {
                    break;
                }
            }
        }
        return gates;
    }

    @GetMapping("/designs/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        Design d = designs.get(slug);
        return editPage(model, d, new DesignEdit(d.name(), d.description(), d.licence(), d.authors(), d.status(), d.links()),
                FieldErrors.NONE, "");
    }

    private String editPage(Model model, Design d, DesignEdit form, FieldErrors errors, String versionProblem) {
        model.addAttribute("design", d);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("versionProblem", versionProblem);
        return "designs/edit";
    }

    @PostMapping("/designs/{slug}/edit")
    String save(@PathVariable String slug, DesignEdit form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            designs.update(slug, form);
            flash.addFlashAttribute("notice", "Saved.");
            return "redirect:/designs/" + slug;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return editPage(model, designs.get(slug), form, FieldErrors.of(e), "");
        }
    }

    @PostMapping("/designs/{slug}/versions")
    String newVersion(@PathVariable String slug, @RequestParam String label, @RequestParam(required = false) String notes,
                      @RequestParam(required = false) MultipartFile bom, @RequestParam(required = false) MultipartFile tasks,
                      Model model, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        try {
            DesignVersion v = designs.newVersion(slug, label, notes, bom == null ? null : bom.getOriginalFilename(),
                    bom == null || bom.isEmpty() ? null : new String(bom.getBytes(), StandardCharsets.UTF_8),
                    tasks == null || tasks.isEmpty() ? null : new String(tasks.getBytes(), StandardCharsets.UTF_8));
            flash.addFlashAttribute("notice", "Version " + v.label() + " is the design's latest.");
            return "redirect:/designs/" + slug;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Design d = designs.get(slug);
            return editPage(model, d, new DesignEdit(d.name(), d.description(), d.licence(), d.authors(), d.status(), d.links()),
                    FieldErrors.NONE, String.join("\n", e.problems().stream().map(p -> p.message()).toList()));
        }
    }

    /** A steward prices the version shown, in major units as typed ("18500", "18,500.00"); empty clears the price. */
    @PostMapping("/designs/{slug}/versions/{label}/price")
    String price(@PathVariable String slug, @PathVariable String label, @RequestParam(required = false) String price,
                 RedirectAttributes flash) {
        Long minor = null;
        if (price != null && !price.isBlank()) {
            minor = Money.parseMinor(price, chapter.currency()).filter(m -> m >= 0).orElse(null);
            if (minor == null) {
                flash.addFlashAttribute("priceProblem", "Type the price as an amount in " + chapter.currency() + ", such as 18500 or 18,500.00.");
                return "redirect:/designs/" + slug + "?version=" + label + "#price";
            }
        }
        designs.setReferencePrice(slug, label, minor);
        flash.addFlashAttribute("notice", minor == null ? "Version " + label + " has no price now."
                : "One unit of version " + label + " is worth " + Money.of(minor, chapter.currency()).formatted() + ".");
        return "redirect:/designs/" + slug + "?version=" + label;
    }

    @GetMapping("/designs/{slug}/bundle.zip")
    ResponseEntity<byte[]> bundle(@PathVariable String slug) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip")).body(designs.bundle(slug));
    }

    @GetMapping("/import-design")
    String importForm(Model model) {
        model.addAttribute("preview", null);
        model.addAttribute("mapped", List.of());
        model.addAttribute("problems", List.of());
        model.addAttribute("payload", "");
        return "designs/import";
    }

    /**
     * Step 1: read the upload (a bundle zip; or okh.toml with its BOM and tasks.csv; or a BOM alone with the
     * fields typed in) and show what would be imported, with every problem; nothing is stored.
     */
    @PostMapping("/import-design/preview")
    String preview(@RequestParam("files") List<MultipartFile> files, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String licence, @RequestParam(required = false) String licensor,
                   @RequestParam(required = false) String function, Model model, HttpServletResponse response)
            throws IOException {
        byte[] zip;
        List<MultipartFile> uploaded = files.stream().filter(f -> !f.isEmpty()).toList();
        if (uploaded.size() == 1 && String.valueOf(uploaded.get(0).getOriginalFilename()).endsWith(".zip")) {
            zip = uploaded.get(0).getBytes();
        } else {
            Map<String, byte[]> loose = new LinkedHashMap<>();
            for (MultipartFile f : uploaded) {
                String fileName = String.valueOf(f.getOriginalFilename()).replaceAll("^.*[/\\\\]", "");
                loose.put(fileName, f.getBytes());
            }
            zip = DesignBundle.fromFiles(loose, name, licence, licensor, function);
        }
        DesignBundle.Read read = DesignBundle.read(zip);
        List<String> problems = designs.check(read.content(), read.problems());
        if (!problems.isEmpty()) {
            response.setStatus(422);
        }
        model.addAttribute("preview", read.content());
        model.addAttribute("mapped", read.mapped());
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
                @RequestParam(required = false) String name, @RequestParam(required = false) String licence, RedirectAttributes flash) {
        try {
            Design d = designs.fork(slug, newSlug, name, licence);
            flash.addFlashAttribute("notice", "Forked into " + d.name() + ": change it and build it.");
            return "redirect:/designs/" + d.slug();
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("forkProblem", e instanceof InvalidInputException invalid ? invalid.messages() : e.getMessage());
            flash.addFlashAttribute("forkName", name);
            flash.addFlashAttribute("forkLicence", licence);
            return "redirect:/designs/" + slug;
        }
    }
}
