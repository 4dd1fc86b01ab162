package microfactory.learning;

import java.util.List;

/**
 * A module learnable in minutes: it teaches {@code skill} at {@code level}; passing its assessment earns that
 * badge, or, when {@code practical}, a place in a mentor's sign-off queue.
 */
public record Module(long id, String code, String trackCode, String title, String skill, int level, int minutes, String lesson,
                     int passPercent, boolean practical, List<String> prerequisites) {
}
