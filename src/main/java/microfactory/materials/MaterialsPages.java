package microfactory.materials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

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
        model.addAttribute("stock", materials.stock());
        model.addAttribute("moves", materials.moves(null, clock.instant().minus(90, ChronoUnit.DAYS), clock.instant().plusSeconds(1))
                .stream().limit(20).toList());
        model.addAttribute("classes", MaterialClass.values());
        model.addAttribute("kinds", MoveKind.values());
        model.addAttribute("currency", chapter.currency());
        MaterialFlows.Flows year = flows.flows(clock.instant().minus(365, ChronoUnit.DAYS), clock.instant().plusSeconds(1));
        model.addAttribute("flows", FlowsDiagram.of(year.links(), materials.catalogue()));
        model.addAttribute("circularity", year.circularity());
        return "materials/stock";
    }

    @GetMapping("/materials/{code}")
    String material(@PathVariable String code, Model model) {
        model.addAttribute("stock", materials.stock(code));
        model.addAttribute("moves", materials.moves(code, clock.instant().minus(365, ChronoUnit.DAYS), clock.instant().plusSeconds(1)));
        return "materials/material";
    }

    @PostMapping("/materials/new")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String materialClass, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String reorderPoint, @RequestParam(required = false) String standardCost,
                  @RequestParam(required = false) boolean recycled, RedirectAttributes flash) {
        try {
            Material m = materials.create(code, name, materialClass, unit, decimal(reorderPoint, "reorderPoint"),
                    materials.toMinor(standardCost, "standardCost"), recycled);
            flash.addFlashAttribute("notice", m.name() + " (" + m.code() + ") is in the catalogue.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not added: " + describe(e));
        }
        return "redirect:/materials#catalogue";
    }

    @PostMapping("/materials/moves")
    String move(@RequestParam(required = false) String material, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String quantity, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String location, @RequestParam(required = false) String cost,
                @RequestParam(required = false) String inputMaterial, @RequestParam(required = false) String inputQuantity,
                @RequestParam(required = false) String note, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Move m = materials.move(new MoveRequest(material, kind, decimal(quantity, "quantity"), unit, location, materials.toMinor(cost, "cost"),
                    null, null, null,
                    inputMaterial, decimal(inputQuantity, "inputQuantity"), note), me.memberId());
            flash.addFlashAttribute("notice", "Recorded: " + m.kind().label() + " of " + m.quantity().toPlainString() + " " + m.unit() + " "
                    + m.material() + " at " + m.location() + (m.ledgerTransfer() == null ? "." : "; the purchase is on the ledger."));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not recorded: " + describe(e));
        } catch (ConflictException | NotFoundException e) {
            flash.addFlashAttribute("problem", "Not recorded: " + e.getMessage());
        }
        return "redirect:/materials#moves";
    }

    private static String describe(InvalidInputException e) {
        return String.join("; ", e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()) + ".";
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
