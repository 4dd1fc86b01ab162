package microfactory.equipment;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import microfactory.common.InvalidInputException;
import microfactory.learning.LearningService;
import microfactory.learning.QrLabel;
import microfactory.members.MemberPrincipal;
import microfactory.web.QrCodes;

/** The factory floor: bays and machines; each machine's page says whether you may use it, and what to learn if not. */
@Controller
class EquipmentPages {

    private final EquipmentService equipment;
    private final LearningService learning;

    EquipmentPages(EquipmentService equipment, LearningService learning) {
        this.equipment = equipment;
        this.learning = learning;
    }

    @GetMapping("/equipment")
    String floor(Model model) {
        model.addAttribute("bays", equipment.bays());
        model.addAttribute("machines", equipment.machines());
        return "equipment/floor";
    }

    @GetMapping("/equipment/machines/{code}")
    String machine(@PathVariable String code, @AuthenticationPrincipal MemberPrincipal me, HttpServletRequest request, Model model) {
        Machine m = equipment.machine(code);
        model.addAttribute("machine", m);
        model.addAttribute("gate", me == null ? null : learning.gate(me.memberId(), m.skill(), m.level()));
        model.addAttribute("qr", QrCodes.svg(base(request) + "/equipment/machines/" + code, 160));
        return "equipment/machine";
    }

    @PostMapping("/equipment/machines/{code}/status")
    String status(@PathVariable String code, @RequestParam boolean inService, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        try {
            Machine m = equipment.setStatus(code, inService, reason);
            flash.addFlashAttribute("notice", m.name() + (m.inService() ? " is back in service." : " is out of service: " + m.statusReason()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not changed: " + e.getMessage());
        }
        return "redirect:/equipment/machines/" + code;
    }

    /** Labels for every machine: scanning one opens its page, with what to learn to use it. */
    @GetMapping("/equipment/labels")
    String labels(HttpServletRequest request, Model model) {
        String base = base(request);
        model.addAttribute("labels", equipment.machines().stream().map(m -> new QrLabel(m.name(),
                m.skill() + " ≥ " + m.level() + (m.bayCode() == null ? "" : " · " + m.bayCode()),
                QrCodes.svg(base + "/equipment/machines/" + m.code(), 140))).toList());
        return "learning/labels";
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
