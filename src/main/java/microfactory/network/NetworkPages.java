package microfactory.network;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;

/** {@code /network}: the chapters followed with what was verified of each, alarms, this chapter's own keys; stewards follow. */
@Controller
class NetworkPages {

    private final NetworkService network;
    private final ChapterDescriptions descriptions;

    NetworkPages(NetworkService network, ChapterDescriptions descriptions) {
        this.network = network;
        this.descriptions = descriptions;
    }

    @GetMapping("/network")
    String network(Model model) {
        model.addAttribute("chapters", network.chapters());
        model.addAttribute("evidence", network.evidence());
        model.addAttribute("own", descriptions.own());
        return "network/network";
    }

    @PostMapping("/network/follow")
    String follow(@RequestParam(required = false) String url, RedirectAttributes flash) {
        try {
            Peer p = network.follow(url);
            flash.addFlashAttribute("notice", "Following " + p.name() + ": its checkpoint of " + p.verifiedSize() + " entries verified.");
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("followProblem", e instanceof InvalidInputException invalid
                    ? String.join("; ", invalid.problems().stream().map(FieldProblem::message).toList()) : e.getMessage());
            flash.addFlashAttribute("followUrl", url);
        }
        return "redirect:/network";
    }

    @PostMapping("/network/chapters/{id}/check")
    String check(@PathVariable long id, RedirectAttributes flash) {
        Peer p = network.check(id);
        flash.addFlashAttribute("notice", p.name() + ": " + (p.status() == PeerStatus.VERIFIED ? "checkpoint of " + p.verifiedSize()
                + " entries verified" : p.reason()));
        return "redirect:/network";
    }
}
