package microfactory.network;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.designs.DesignVersion;
import microfactory.web.FieldErrors;

/** {@code /network}: the chapters followed with what was verified of each, alarms, this chapter's own keys; stewards follow. */
@Controller
class NetworkPages {

    private final NetworkService network;
    private final ChapterDescriptions descriptions;
    private final Improvements improvements;
    private final NetworkSummaries summaries;
    private final MarketModel market;
    private final Replicability replicability;

    NetworkPages(NetworkService network, ChapterDescriptions descriptions, Improvements improvements, NetworkSummaries summaries,
                 MarketModel market, Replicability replicability) {
        this.replicability = replicability;
        this.network = network;
        this.descriptions = descriptions;
        this.improvements = improvements;
        this.summaries = summaries;
        this.market = market;
    }

    /** The market model with the assumptions typed into its form; a bad one is shown beside its field (422) and the rest kept. */
    @GetMapping("/network/market")
    String market(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        model.addAttribute("form", params);
        try {
            MarketSubstitution.Result r = market.model(params.get("product"), params, params.get("incumbents"), params.get("market"));
            model.addAttribute("result", r);
            model.addAttribute("chart", MarketChart.of(r));
            model.addAttribute("errors", FieldErrors.NONE);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("result", null);
            model.addAttribute("chart", null);
            model.addAttribute("errors", FieldErrors.of(e));
        }
        return "network/market";
    }

    @GetMapping("/network/replicability")
    String replicability(Model model) {
        model.addAttribute("enterprise", replicability.enterprise());
        return "network/replicability";
    }

    @GetMapping("/network/output")
    String output(Model model) {
        model.addAttribute("summary", summaries.summary());
        return "network/output";
    }

    @GetMapping("/network")
    String network(Model model) {
        model.addAttribute("chapters", network.chapters());
        model.addAttribute("evidence", network.evidence());
        model.addAttribute("own", descriptions.own());
        model.addAttribute("improvements", improvements.all());
        model.addAttribute("map", NetworkMap.of(network.places(descriptions.own().name())));
        model.addAttribute("place", network.place().orElse(null));
        return "network/network";
    }

    @PostMapping("/network/follow")
    String follow(@RequestParam(required = false) String url, RedirectAttributes flash) {
        try {
            Peer p = network.follow(url);
            flash.addFlashAttribute("notice", "Following " + p.name() + ": its checkpoint of " + p.verifiedSize() + " entries verified.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("followProblem", e instanceof InvalidInputException invalid ? invalid.messages() : e.getMessage());
            flash.addFlashAttribute("followUrl", url);
        }
        return "redirect:/network";
    }

    @PostMapping("/network/improvements/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes flash) {
        try {
            DesignVersion v = improvements.accept(id);
            flash.addFlashAttribute("notice", "Accepted: version " + v.label() + " is now one of this chapter's versions.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("improvementProblem", e instanceof InvalidInputException invalid ? invalid.messages() : e.getMessage());
            flash.addFlashAttribute("improvementId", id);
        }
        return "redirect:/network#improvements";
    }

    @PostMapping("/network/improvements/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            improvements.decline(id, reason);
            flash.addFlashAttribute("notice", "Declined, with your reason kept.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("improvementProblem", e instanceof InvalidInputException invalid ? invalid.messages() : e.getMessage());
            flash.addFlashAttribute("improvementId", id);
        }
        return "redirect:/network#improvements";
    }

    @PostMapping("/network/place")
    String place(@RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude, RedirectAttributes flash) {
        try {
            network.place(decimal(latitude), decimal(longitude));
            flash.addFlashAttribute("notice", "This chapter's place is set: it is on the map, and in its description.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("placeErrors", FieldErrors.of(e));
            flash.addFlashAttribute("placeForm", Map.of("latitude", latitude == null ? "" : latitude, "longitude", longitude == null ? "" : longitude));
        }
        return "redirect:/network#place";
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/network/chapters/{id}/check")
    String check(@PathVariable long id, RedirectAttributes flash) {
        Peer p = network.check(id);
        flash.addFlashAttribute("notice", p.name() + ": " + (p.status() == PeerStatus.VERIFIED ? "checkpoint of " + p.verifiedSize()
                + " entries verified" : p.reason()));
        return "redirect:/network";
    }
}
