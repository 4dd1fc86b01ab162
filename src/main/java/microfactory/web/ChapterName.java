package microfactory.web;

/** Supplies the chapter's name to the layout; implemented by the chapter feature (keeps web free of it). */
public interface ChapterName {
    String chapterName();
}
