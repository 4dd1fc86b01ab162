package microfactory.chapter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The chapter's identity and headline figures, public; admins change its settings (fields left out keep their value). */
@RestController
class ChapterApi {

    private final ChapterDashboard dashboard;
    private final ChapterService chapters;

    ChapterApi(ChapterDashboard dashboard, ChapterService chapters) {
        this.dashboard = dashboard;
        this.chapters = chapters;
    }

    @GetMapping("/api/v1/chapter")
    Dashboard chapter() {
        return dashboard.now();
    }

    @PutMapping("/api/v1/chapter")
    Dashboard update(@RequestBody ChapterEdit edit) {
        chapters.update(edit.over(chapters.chapter()));
        return dashboard.now();
    }
}
