package microfactory.chapter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the chapter's dashboard. */
@Controller
class ChapterPages {

    private final ChapterDashboard dashboard;

    ChapterPages(ChapterDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("dashboard", dashboard.now());
        model.addAttribute("areas", microfactory.web.Areas.ALL);
        return "chapter/dashboard";
    }
}
