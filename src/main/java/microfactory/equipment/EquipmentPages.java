package microfactory.equipment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page of the factory floor. */
@Controller
class EquipmentPages {

    private final EquipmentService equipment;

    EquipmentPages(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @GetMapping("/equipment")
    String floor(Model model) {
        model.addAttribute("bays", equipment.bays());
        return "equipment/floor";
    }
}
