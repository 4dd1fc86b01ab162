package microfactory.production;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a build's page names its people for members of the chapter: by display name, and where two share a name, with
 * the first characters of their pseudonym beside it ("Sam Lee (m-4yb6)"), so they are told apart.
 */
final class PeopleNames {

    private PeopleNames() {
    }

    static Map<String, String> of(List<Signup> signups) {
        Map<String, Long> count = signups.stream().collect(Collectors.groupingBy(Signup::name, Collectors.counting()));
        Map<String, String> names = new HashMap<>();
        signups.forEach(s -> names.put(s.publicId(), count.get(s.name()) > 1 ? s.name() + " (" + prefix(s.publicId()) + ")" : s.name()));
        return names;
    }

    private static String prefix(String publicId) {
        return publicId.substring(0, Math.min(6, publicId.length()));
    }
}
