package microfactory.designs.bom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Licences as manifests really write them — "CERN OHL v1.2", "Creative Commons Attribution-ShareAlike 4.0 International",
 * "cc-by-sa-4.0", "CERN-OHL-S" — read as SPDX ids through the SPDX License List's own names. A name that fits one
 * licence is mapped, and says so; one that fits several is kept as a {@code LicenseRef-} with a warning naming the
 * candidates, for a person to choose; one that fits none is left as written, for the SPDX check to refuse.
 */
public final class LicenceNames {

    /** What was read: the licence to store, and a note on how it was mapped ({@code null} when it was an SPDX expression already). */
    public record Reading(String licence, String note, boolean warning) {
    }

    // Abbreviations manifests use, spelled out as the SPDX list's names spell them.
    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("cc", List.of("creative", "commons")),
            Map.entry("by", List.of("attribution")),
            Map.entry("sa", List.of("share", "alike")),
            Map.entry("sharealike", List.of("share", "alike")),
            Map.entry("nc", List.of("non", "commercial")),
            Map.entry("noncommercial", List.of("non", "commercial")),
            Map.entry("nd", List.of("no", "derivatives")),
            Map.entry("noderivatives", List.of("no", "derivatives")),
            Map.entry("noderivs", List.of("no", "derivatives")),
            Map.entry("ohl", List.of("open", "hardware", "license")),
            Map.entry("gpl", List.of("gnu", "general", "public", "license")),
            Map.entry("lgpl", List.of("gnu", "lesser", "general", "public", "license")),
            Map.entry("agpl", List.of("gnu", "affero", "general", "public", "license")),
            Map.entry("licence", List.of("license")),
            Map.entry("+", List.of("or", "later")),
            Map.entry("s", List.of("strongly", "reciprocal")),
            Map.entry("w", List.of("weakly", "reciprocal")),
            Map.entry("p", List.of("permissive")),
            Map.entry("version", List.of()),
            Map.entry("the", List.of()));
    private static final Set<String> IMPLIED = Set.of("international", "license");
    private static final int SHOWN = 8;

    private LicenceNames() {
    }

    public static Reading read(String text) {
        if (text == null || text.isBlank() || Spdx.problem(text).isEmpty()) {
            return new Reading(text == null ? null : text.strip(), null, false);
        }
        String written = text.strip();
        List<Spdx.Listed> listed = Spdx.listedLicences();
        for (Spdx.Listed l : listed) {
            if (l.id().equalsIgnoreCase(written)) {
                return mapped(written, l);
            }
        }
        if (written.matches("[A-Za-z0-9.+-]+")) {
            List<Spdx.Listed> prefixed = preferCurrent(listed.stream()
                    .filter(l -> l.id().toLowerCase(Locale.ROOT).startsWith(written.toLowerCase(Locale.ROOT) + "-")).toList());
            if (!prefixed.isEmpty()) {
                return decide(written, prefixed);
            }
        }
        List<String> words = words(written);
        if (words.isEmpty()) {
            return new Reading(written, null, false);
        }
        List<Spdx.Listed> exact = preferCurrent(listed.stream().filter(l -> words(l.name()).equals(words)).toList());
        if (!exact.isEmpty()) {
            return decide(written, exact);
        }
        Set<String> wanted = new LinkedHashSet<>(words);
        List<Spdx.Listed> containing = preferCurrent(listed.stream().filter(l -> words(l.name()).containsAll(wanted))
                .sorted(Comparator.comparingInt(l -> extra(l, wanted))).toList());
        // "CC BY-SA 4.0" is CC-BY-SA-4.0 (its name adds only "International"), while "GPL v3" stays open: only or or-later.
        List<Spdx.Listed> nothingMore = containing.stream().filter(l -> extra(l, wanted) == 0).toList();
        return decide(written, nothingMore.size() == 1 ? nothingMore : containing);
    }

    /** How many words a licence's name says beyond those written, not counting the ones names add by habit. */
    private static int extra(Spdx.Listed l, Set<String> written) {
        return (int) words(l.name()).stream().filter(w -> !written.contains(w) && !IMPLIED.contains(w)).count();
    }

    private static Reading decide(String written, List<Spdx.Listed> candidates) {
        if (candidates.isEmpty() || candidates.size() > SHOWN) {
            return new Reading(written, null, false); // fits nothing, or too much to be a name ("Open"): the SPDX check says so
        }
        if (candidates.size() == 1) {
            return mapped(written, candidates.get(0));
        }
        String ref = "LicenseRef-" + written.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        List<String> ids = candidates.stream().map(Spdx.Listed::id).toList();
        return new Reading(ref, "licence '" + written + "' could be any of " + String.join(", ", ids) + ": kept as " + ref
                + "; set the right SPDX id", true);
    }

    private static Reading mapped(String written, Spdx.Listed l) {
        return new Reading(l.id(), "licence '" + written + "' read as " + l.id() + " (" + l.name() + ")", false);
    }

    /** Current ids where there are any: "GNU General Public License v3.0 only" names both GPL-3.0 (deprecated) and GPL-3.0-only. */
    private static List<Spdx.Listed> preferCurrent(List<Spdx.Listed> candidates) {
        List<Spdx.Listed> current = candidates.stream().filter(l -> !l.deprecated()).toList();
        return current.isEmpty() ? candidates : current;
    }

    /** A licence's name as comparable words: lower case, abbreviations spelled out, "v1.2" as 1.2 and "4.0" as 4. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String raw : name.toLowerCase(Locale.ROOT).replace("+", " + ").split("[^a-z0-9.+]+")) {
            String w = raw.replaceAll("^\\.+|\\.+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (w.matches("v?\\d+(\\.\\d+)*")) {
                words.add(w.replaceFirst("^v", "").replaceAll("(\\.0)+$", ""));
            } else {
                words.addAll(WORDS.getOrDefault(w, List.of(w)));
            }
        }
        return words;
    }
}
