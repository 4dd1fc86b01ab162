package microfactory.designs.bom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Share-alike (reciprocal) licences: a design under CC-BY-SA, CERN-OHL-S or -W, TAPR-OHL or the GPL family passes its
 * terms on to every adaptation — a fork, a new version, a kit. An adaptation's licence is compatible when it keeps the
 * licence or takes one the licence itself allows: a later version of CC-BY-SA; GPL-3.0 from CC-BY-SA-4.0 (Creative
 * Commons' compatible-licence list, one way); "or later" GPL versions; LGPL to GPL. Expressions count as licensees read
 * them: from "A OR B" one may choose either, and every choice an adaptation's "C OR D" offers must keep the terms.
 * A licence that is not share-alike puts no condition on its adaptations.
 */
public final class ShareAlike {

    private static final Pattern CC_BY_SA = Pattern.compile("CC-BY-SA-(\\d)\\.(\\d)(-[A-Z]{2,3})?");
    private static final List<String> CC_VERSIONS = List.of("1.0", "2.0", "2.5", "3.0", "4.0");
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("CERN-OHL-1.1", List.of("CERN-OHL-1.1", "CERN-OHL-1.2")),
            Map.entry("CERN-OHL-1.2", List.of("CERN-OHL-1.2")),
            Map.entry("CERN-OHL-S-2.0", List.of("CERN-OHL-S-2.0")),
            Map.entry("CERN-OHL-W-2.0", List.of("CERN-OHL-W-2.0")),
            Map.entry("TAPR-OHL-1.0", List.of("TAPR-OHL-1.0")),
            Map.entry("GPL-2.0-only", List.of("GPL-2.0-only")),
            Map.entry("GPL-2.0-or-later", List.of("GPL-2.0-or-later", "GPL-2.0-only", "GPL-3.0-or-later", "GPL-3.0-only")),
            Map.entry("GPL-3.0-only", List.of("GPL-3.0-only")),
            Map.entry("GPL-3.0-or-later", List.of("GPL-3.0-or-later", "GPL-3.0-only")),
            Map.entry("AGPL-3.0-only", List.of("AGPL-3.0-only")),
            Map.entry("AGPL-3.0-or-later", List.of("AGPL-3.0-or-later", "AGPL-3.0-only")),
            Map.entry("LGPL-2.1-only", List.of("LGPL-2.1-only", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later")),
            Map.entry("LGPL-2.1-or-later", List.of("LGPL-2.1-or-later", "LGPL-2.1-only", "LGPL-3.0-or-later", "LGPL-3.0-only",
                    "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later")),
            Map.entry("LGPL-3.0-only", List.of("LGPL-3.0-only", "GPL-3.0-only", "GPL-3.0-or-later")),
            Map.entry("LGPL-3.0-or-later", List.of("LGPL-3.0-or-later", "LGPL-3.0-only", "GPL-3.0-only", "GPL-3.0-or-later")));

    private ShareAlike() {
    }

    /** Whether the licence id passes its terms on to adaptations. */
    public static boolean isShareAlike(String id) {
        return !allowed(normalise(id)).isEmpty();
    }

    /** Whether any licence an expression names is share-alike. */
    public static boolean holdsShareAlike(String expression) {
        return alternatives(expression).stream().flatMap(Set::stream).anyMatch(ShareAlike::isShareAlike);
    }

    /**
     * Empty when an adaptation of a design under {@code from} may be under {@code to}; else why not, naming both licences
     * and what the original allows.
     */
    public static Optional<String> problem(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return Optional.empty();
        }
        List<Set<String>> before = alternatives(from);
        List<Set<String>> after = alternatives(to);
        for (Set<String> choice : before) {
            if (after.stream().allMatch(offered -> keeps(choice, offered))) {
                return Optional.empty();
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        before.stream().flatMap(Set::stream).forEach(id -> allowed.addAll(allowed(id)));
        return Optional.of(from.strip() + " is share-alike: an adaptation keeps it or takes a licence it allows ("
                + String.join(", ", allowed) + "), and " + to.strip() + " is not one of them");
    }

    /** Whether every share-alike licence in {@code choice} is kept, or passed on as it allows, by some id of {@code offered}. */
    private static boolean keeps(Set<String> choice, Set<String> offered) {
        for (String id : choice) {
            List<String> allowed = allowed(id);
            if (!allowed.isEmpty() && offered.stream().noneMatch(allowed::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The licences an adaptation of a work under {@code id} may be under; empty when the licence is not share-alike. */
    static List<String> allowed(String id) {
        Matcher cc = CC_BY_SA.matcher(id);
        if (cc.matches()) {
            String version = cc.group(1) + "." + cc.group(2);
            List<String> later = new ArrayList<>();
            for (String v : CC_VERSIONS.subList(Math.max(0, CC_VERSIONS.indexOf(version)), CC_VERSIONS.size())) {
                later.add("CC-BY-SA-" + v);
            }
            if (cc.group(3) != null) {
                later.add(0, id);
            }
            if (version.equals("4.0")) {
                later.addAll(List.of("GPL-3.0-only", "GPL-3.0-or-later"));
            }
            return later;
        }
        return ALLOWED.getOrDefault(id, List.of());
    }

    /** The expression as a licensee may choose from it: each alternative the set of ids that apply together. */
    static List<Set<String>> alternatives(String expression) {
        if (expression == null || expression.isBlank()) {
            return List.of(Set.of());
        }
        List<String> tokens = List.of(expression.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+"));
        int[] at = {0};
        return or(tokens, at);
    }

    private static List<Set<String>> or(List<String> tokens, int[] at) {
        List<Set<String>> out = new ArrayList<>(and(tokens, at));
        while (at[0] < tokens.size() && tokens.get(at[0]).equals("OR")) {
            at[0]++;
            out.addAll(and(tokens, at));
        }
        return out;
    }

    private static List<Set<String>> and(List<String> tokens, int[] at) {
        List<Set<String>> out = one(tokens, at);
        while (at[0] < tokens.size() && tokens.get(at[0]).equals("AND")) {
            at[0]++;
            List<Set<String>> right = one(tokens, at);
            List<Set<String>> product = new ArrayList<>();
            for (Set<String> l : out) {
                for (Set<String> r : right) {
                    Set<String> both = new LinkedHashSet<>(l);
                    both.addAll(r);
                    product.add(both);
                }
            }
            out = product;
        }
        return out;
    }

    private static List<Set<String>> one(List<String> tokens, int[] at) {
        if (at[0] >= tokens.size()) {
            return List.of(Set.of());
        }
        String t = tokens.get(at[0]++);
        if (t.equals("(")) {
            List<Set<String>> inner = or(tokens, at);
            if (at[0] < tokens.size() && tokens.get(at[0]).equals(")")) {
                at[0]++;
            }
            return inner;
        }
        if (at[0] + 1 < tokens.size() && tokens.get(at[0]).equals("WITH")) {
            at[0] += 2; // an exception widens what may be combined; the licence's terms stay
        }
        return List.of(Set.of(normalise(t)));
    }

    /** The current SPDX id for deprecated GNU ids ("GPL-3.0", "GPL-3.0+") and the "+" operator. */
    static String normalise(String id) {
        String s = id.strip();
        boolean later = s.endsWith("+");
        String base = later ? s.substring(0, s.length() - 1) : s;
        if (base.matches("(A|L)?GPL-\\d\\.\\d")) {
            return base + (later ? "-or-later" : "-only");
        }
        if (later && base.matches("(A|L)?GPL-\\d\\.\\d-only")) {
            return base.replace("-only", "-or-later");
        }
        return s;
    }
}
