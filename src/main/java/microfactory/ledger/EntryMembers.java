package microfactory.ledger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The members an entry names: every JSON string shaped like a pseudonym ("m-4yb6b94ekw", a backer's "b-0042"). Entries
 * name members only this way, never by name or e-mail, so this is how "my events" finds a member's entries.
 */
final class EntryMembers {

    private static final Pattern PSEUDONYM = Pattern.compile("\"([a-z]-[a-z0-9]{3,30})\"");

    private EntryMembers() {
    }

    static Set<String> of(byte[] canonicalJson) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PSEUDONYM.matcher(new String(canonicalJson, StandardCharsets.UTF_8));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
