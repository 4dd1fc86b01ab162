package microfactory.web;

import java.util.List;

/** One area of the chapter in the navigation; an area not built yet says what it will hold. */
public record Area(String path, String title, boolean built, String summary, List<String> willHold) {
}
