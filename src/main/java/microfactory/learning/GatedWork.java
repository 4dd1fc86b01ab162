package microfactory.learning;

import java.util.List;

/**
 * Work that needs a badge. Features that gate work (equipment's machines, …) implement this, so a member's badges
 * page can say what their badges unlock and what to learn for the rest, without learning knowing those features.
 */
public interface GatedWork {

    List<Gated> gated();

    /** One thing needing {@code skill} ≥ {@code level}; {@code url} is its page. */
    record Gated(String kind, String name, String url, String skill, int level) {
    }
}
