package microfactory.chapter;

import org.springframework.stereotype.Service;

import microfactory.web.ChapterName;

/** The chapter's identity. Read on every page, so kept in memory once known. */
@Service
public class ChapterService implements ChapterName {

    private final ChapterRepository chapters;
    private volatile Chapter cached;

    ChapterService(ChapterRepository chapters) {
        this.chapters = chapters;
    }

    public Chapter chapter() {
        Chapter c = cached;
        if (c == null) {
            c = chapters.find().orElseThrow(() -> new IllegalStateException("The chapter has not been set up yet."));
            cached = c;
        }
        return c;
    }

    public boolean exists() {
        return cached != null || chapters.find().isPresent();
    }

    void create(Chapter chapter) {
        chapters.insert(chapter);
        cached = null;
    }

    @Override
    public String chapterName() {
        return exists() ? chapter().name() : "Microfactory";
    }
}
