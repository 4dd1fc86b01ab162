package microfactory.chapter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chapter's identity and headline figures, public. */
@RestController
class ChapterApi {

    private final ChapterDashboard dashboard;

    ChapterApi(ChapterDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/chapter")
    Dashboard chapter() {
        return dashboard.now();
    }
}
