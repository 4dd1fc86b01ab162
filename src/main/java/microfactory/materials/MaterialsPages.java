package microfactory.materials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.members.MemberPrincipal;
import microfactory.web.FieldErrors;

/** The materials page: stock for anyone; stewards add materials and record receipts, issues, scrap and recycling. */
@Controller
class MaterialsPages {

    private final MaterialService materials;
    private final MaterialFlows flows;
    private final Clock clock;
    private final ChapterSettings chapter;

    MaterialsPages(MaterialService materials, MaterialFlows flows, Clock clock, ChapterSettings chapter) {
        this.flows = flows;
        this.chapter = chapter;
        this.materials = materials;
        this.clock = clock;
    }

    @GetMapping("/materials")
    String stock(Model model) {
        return page(model, Map.of(), FieldErrors.NONE, Map.of(), FieldErrors.NONE);
    }

    /** The page, with what a steward typed in each form and the problems beside its fields (none on a plain visit). */
    private String page(Model model, Map<String, String> moveForm, FieldErrors moveErrors, Map<String, String> materialForm,
                        FieldErrors materialErrors) {
        model.addAttribute("stock", materials.stock());
        model.addAttribute("moves", materials.moves(null, clock.instant().minus(90, ChronoUnit.DAYS), clock.instant().plusSeconds(1))
                .stream().limit(20).toList());
        model.addAttribute("classes", MaterialClass.values());
        model.addAttribute("kinds", MoveKind.values());
        model.addAttribute("currency", chapter.currency());
        MaterialFlows.Flows year = flows.flows(clock.instant().minus(365, ChronoUnit.DAYS), clock.instant().plusSeconds(1));
        model.addAttribute("flows", FlowsDiagram.of(year.links(), materials.catalogue()));
        model.addAttribute("circularity", year.circularity());
        model.addAttribute("moveForm", moveForm);
        model.addAttribute("moveErrors", moveErrors);
        model.addAttribute("materialForm", materialForm);
        model.addAttribute("materialErrors", materialErrors);
        return "materials/stock";
    }

    @GetMapping("/materials/{code}")
    String material(@PathVariable String code, Model model) {
        model.addAttribute("stock", materials.stock(code));
        model.addAttribute("moves", materials.moves(code, clock.instant().minus(365, ChronoUnit.DAYS), clock.instant().plusSeconds(1)));
        return "materials/material";
    }

    @PostMapping("/materials/new")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            Material m = materials.create(form.get("code"), form.get("name"), form.get("materialClass"), form.get("unit"),
                    decimal(form.get("reorderPoint"), "reorderPoint"), materials.toMinor(form.get("standardCost"), "standardCost"),
                    "true".equals(form.get("recycled")));
            flash.addFlashAttribute("notice", m.name() + " (" + m.code() + ") is in the catalogue.");
            return "redirect:/materials#catalogue";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            FieldErrors errors = FieldErrors.of(e.renamed(Map.of("standardCostMinor", "standardCost")));
            model.addAttribute("problem", "Not added: " + errors.summary());
            return page(model, Map.of(), FieldErrors.NONE, form, errors);
        }
    }

    /** A refused move shows the page again with what was typed and each problem beside its field; stock is unchanged. */
    @PostMapping("/materials/moves")
    String move(@RequestParam Map<String, String> form, @AuthenticationPrincipal MemberPrincipal me, Model model,
                HttpServletResponse response, RedirectAttributes flash) {
        FieldErrors errors;
        try {
            Move m = materials.move(new MoveRequest(form.get("material"), form.get("kind"), decimal(form.get("quantity"), "quantity"),
                    form.get("unit"), form.get("location"), materials.toMinor(form.get("cost"), "cost"), null, null, null,
                    form.get("inputMaterial"), decimal(form.get("inputQuantity"), "inputQuantity"), form.get("note")), me.memberId());
            flash.addFlashAttribute("notice", "Recorded: " + m.kind().label() + " of " + m.quantity().toPlainString() + " " + m.unit() + " "
                    + m.material() + " at " + m.location() + (m.ledgerTransfer() == null ? "." : "; the purchase is on the ledger."));
            return "redirect:/materials#moves";
        } catch (InvalidInputException e) {
            errors = FieldErrors.of(e.renamed(Map.of("costMinor", "cost")));
        } catch (NotFoundException e) {
            errors = new FieldErrors(Map.of("material", e.getMessage()));
        } catch (ConflictException e) {
            errors = new FieldErrors(Map.of("quantity", e.getMessage()));
        }
        response.setStatus(422);
        model.addAttribute("problem", "Not recorded: " + errors.summary());
        return page(model, form, errors, Map.of(), FieldErrors.NONE);
    }

    private static BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "a number such as 12.5");
        }
    }
}
