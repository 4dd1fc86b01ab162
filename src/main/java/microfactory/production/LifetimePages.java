package microfactory.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.members.MemberPrincipal;

/** The lifetime area: service due and requested; stewards book service and record what happens to units. */
@Controller
class LifetimePages {

    private final UnitLifetime lifetime;
    private final ProductionService production;
    private final ChapterSettings chapter;

    LifetimePages(UnitLifetime lifetime, ProductionService production, ChapterSettings chapter) {
        this.lifetime = lifetime;
        this.production = production;
        this.chapter = chapter;
    }

    @GetMapping("/lifetime")
    String lifetime(Model model) {
        model.addAttribute("due", lifetime.due());
        model.addAttribute("requests", lifetime.openRequests());
        model.addAttribute("units", production.allUnits());
        return "production/lifetime";
    }

    /** A steward records an event from the unit's page: one material line at most (code and quantity). */
    @PostMapping("/production/units/{serial}/events")
    String event(@PathVariable String serial, @RequestParam(required = false) String kind, @RequestParam(required = false) String note,
                 @RequestParam(required = false) String version, @RequestParam(required = false) String owner,
                 @RequestParam(required = false) String material, @RequestParam(required = false) String quantity,
                 @RequestParam(required = false) Long request, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            List<UnitLifetime.MaterialUse> used = material == null || material.isBlank() ? List.of()
                    : List.of(new UnitLifetime.MaterialUse(material.strip(), decimal(quantity), null));
            lifetime.record(serial, me.memberId(), new UnitLifetime.EventRequest(kind, note, version, owner, used, request));
            flash.addFlashAttribute("notice", "Recorded on the unit's lifetime and the public ledger.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not recorded: " + e.problems().get(0).field() + ": " + e.problems().get(0).message() + ".");
        } catch (ConflictException | NotFoundException | ForbiddenException e) {
            flash.addFlashAttribute("problem", "Not recorded: " + e.getMessage());
        }
        return "redirect:/production/units/" + serial + "#lifetime";
    }

    /** The owner asks for service from the unit's page. */
    @PostMapping("/production/units/{serial}/service-requests")
    String ask(@PathVariable String serial, @RequestParam(required = false) String what, @AuthenticationPrincipal MemberPrincipal me,
               RedirectAttributes flash) {
        try {
            lifetime.requestService(serial, me.memberId(), me.isSteward(), what);
            flash.addFlashAttribute("notice", "Service requested: a steward books a time and tells you by mail.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not requested: " + e.problems().get(0).message() + ".");
        } catch (ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("problem", "Not requested: " + e.getMessage());
        }
        return "redirect:/production/units/" + serial + "#lifetime";
    }

    /** A steward books a request: a day and time on the chapter's clock. */
    @PostMapping("/lifetime/requests/{id}/book")
    String book(@PathVariable long id, @RequestParam(required = false) String when, @RequestParam(required = false) String note,
                RedirectAttributes flash) {
        try {
            Instant at;
            try {
                at = LocalDateTime.parse(when == null ? "" : when.strip()).atZone(chapter.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("when", "a day and time such as 2026-12-10T14:00");
            }
            ServiceRequest r = lifetime.book(id, at, note);
            flash.addFlashAttribute("notice", "Service of " + r.serial() + " booked; the owner is told.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not booked: " + e.problems().get(0).message() + ".");
        } catch (ConflictException | NotFoundException e) {
            flash.addFlashAttribute("problem", "Not booked: " + e.getMessage());
        }
        return "redirect:/lifetime#requests";
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("quantity", "a number such as 2.5");
        }
    }
}
