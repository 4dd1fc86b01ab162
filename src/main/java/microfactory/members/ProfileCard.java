package microfactory.members;

import java.util.List;
import java.util.Optional;

/**
 * A card another feature adds to a member's profile (the value they generated, their statement): a title, a lead
 * sentence, a few lines, and a link to the whole story. Features the members feature cannot depend on plug in here.
 */
public record ProfileCard(String id, String title, String lead, List<String> lines, String href, String linkText) {

    /** Supplies a card for a member, or none. */
    public interface Source {
        Optional<ProfileCard> cardFor(Member member);
    }
}
