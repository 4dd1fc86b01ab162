package microfactory.members;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page of membership plans. */
@Controller
class PlanPages {

    private final PlanService plans;

    PlanPages(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", plans.offered());
        return "members/plans";
    }
}
