package microfactory.designs.bom;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An Open Know-How manifest as repositories really hold it: OKH-LOSH {@code okh.toml} (licensor a name, a table or a
 * list; {@code [[part]]} tables; file references written from the repository root, {@code bom = "/hardware/bom.csv"})
 * or OKH v1 {@code okh.yml} (title, description, a licence object with names such as "CERN OHL v1.2"). What the
 * standard requires but a real manifest lacks is said, not refused, where the design can still be built from it;
 * {@code mapped} says how each field was read, for a person to check.
 */
public record OkhManifest(String name, String version, String licence, String licensor, String function, String repo, String bom,
                          List<Part> parts, List<String> mapped, List<BomProblem> problems) {

    /** A part the manifest lists in a {@code [[part]]} table: made in the factory, of a material, with its mass when given. */
    public record Part(String name, String material, BigDecimal massGrams) {
    }

    private static final List<String> LOSH_REQUIRED = List.of("okhv", "name", "repo", "version", "license", "licensor", "function");

    /** Reads a manifest by its file name (.toml as OKH-LOSH, .yml/.yaml as OKH v1); a malformed file is a problem with its line. */
    public static OkhManifest read(String file, String text) {
        List<String> mapped = new ArrayList<>();
        List<BomProblem> problems = new ArrayList<>();
        boolean v1 = file.endsWith(".yml") || file.endsWith(".yaml");
        JsonNode okh;
        try {
            okh = v1 ? YAMLMapper.builder().build().readTree(text) : TomlMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            problems.add(new BomProblem(file, e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr()),
                    (v1 ? "malformed YAML: " : "malformed TOML: ") + e.getOriginalMessage()));
            return new OkhManifest(null, null, null, "", "", "", null, List.of(), mapped, problems);
        }
        if (okh == null || !okh.isObject()) {
            problems.add(new BomProblem(file, 0, "the manifest holds no fields"));
            return new OkhManifest(null, null, null, "", "", "", null, List.of(), mapped, problems);
        }
        return v1 ? v1(file, okh, mapped, problems) : losh(file, okh, mapped, problems);
    }

    private static OkhManifest losh(String file, JsonNode okh, List<String> mapped, List<BomProblem> problems) {
        String version = text(okh.get("version"));
        List<String> missing = LOSH_REQUIRED.stream().filter(f -> !okh.has(f)).toList();
        if (!missing.isEmpty()) {
            mapped.add(file + " lacks " + String.join(", ", missing) + ", which OKH-LOSH requires: read without"
                    + (version == null ? " (version taken as 1.0)" : ""));
        }
        String name = text(okh.get("name"));
        if (name == null) {
            problems.add(new BomProblem(file, 0, "the manifest names no design: add name = \"…\""));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : okh.path("part")) {
            String partName = text(p.get("name"));
            if (partName != null) {
                parts.add(new Part(partName, text(p.get("material")), p.path("mass").isNumber() ? p.get("mass").decimalValue() : null));
            }
        }
        return new OkhManifest(name, version == null ? "1.0" : version, licence(okh.get("license"), mapped), names(okh.get("licensor")),
                orEmpty(text(okh.get("function"))), orEmpty(text(okh.get("repo"))), text(okh.get("bom")), parts, mapped, problems);
    }

    private static OkhManifest v1(String file, JsonNode okh, List<String> mapped, List<BomProblem> problems) {
        String name = text(okh.get("title"));
        if (name == null) {
            problems.add(new BomProblem(file, 0, "OKH v1 requires 'title'"));
        }
        JsonNode lic = okh.get("license");
        if (lic != null && lic.isObject()) {
            mapped.add("the hardware licence of the manifest's licence object taken as the design's");
            lic = lic.get("hardware");
        }
        String repo = text(okh.get("project-link"));
        mapped.add("OKH v1 read: title as name, description as function" + (repo == null ? "" : ", project-link as repository"));
        return new OkhManifest(name, orElse(text(okh.get("version")), "1.0"), licence(lic, mapped), names(okh.get("licensor")),
                orEmpty(text(okh.get("description"))), orEmpty(repo), text(okh.get("bom")), List.of(), mapped, problems);
    }

    private static String licence(JsonNode node, List<String> mapped) {
        String written = text(node);
        if (written == null && node != null && node.isArray()) {
            List<String> each = new ArrayList<>();
            node.forEach(n -> each.add(LicenceNames.read(text(n)).licence()));
            written = String.join(" AND ", each);
        }
        LicenceNames.Reading r = LicenceNames.read(written);
        if (r.note() != null) {
            mapped.add((r.warning() ? "warning: " : "") + r.note());
        }
        return r.licence();
    }

    /** A licensor or author as OKH writes one: a name, a table with a name, or a list of either. */
    private static String names(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> all = new ArrayList<>();
            node.forEach(n -> all.add(names(n)));
            return String.join(", ", all.stream().filter(s -> !s.isEmpty()).toList());
        }
        return node.isObject() ? orEmpty(text(node.get("name"))) : orEmpty(text(node));
    }

    /**
     * The path in {@code paths} a manifest's reference names: from the manifest's folder, or from the repository's
     * root when written with a leading "/" (the manifest's folder is the root OKH-LOSH means); when a person uploaded
     * the files loose, the one file of that name. Null when no file fits.
     */
    public static String resolve(String reference, String folder, Collection<String> paths, List<String> mapped) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String ref = reference.strip().replace('\\', '/');
        String joined = normalise((folder == null || folder.isEmpty() ? "" : folder + "/") + ref.replaceFirst("^/+", ""));
        if (joined != null && paths.contains(joined)) {
            if (ref.startsWith("/")) {
                mapped.add("'" + reference + "' read from the repository's root: " + joined);
            }
            return joined;
        }
        String base = ref.substring(ref.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        List<String> named = paths.stream().filter(p -> p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(base)).toList();
        if (named.size() == 1) {
            mapped.add("'" + reference + "' is not where the manifest says; the one " + named.get(0) + " taken");
            return named.get(0);
        }
        return null;
    }

    /** The path with "." and ".." resolved; null when it climbs out of the repository. */
    public static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/+")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /**
     * The BOM with the manifest's {@code [[part]]} tables: a part the BOM lists already is kept as the BOM has it; any other
     * is added under the top as made in the factory, one of it, its material and mass kept when the manifest gives both.
     */
    public List<BomLine> withParts(List<BomLine> lines) {
        List<BomLine> all = new ArrayList<>(lines);
        List<String> listed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Part p : parts) {
            if (lines.stream().anyMatch(l -> l.part().equalsIgnoreCase(p.name()))) {
                listed.add(p.name());
                continue;
            }
            boolean material = p.material() != null && p.massGrams() != null;
            all.add(new BomLine(0, null, p.name(), BigDecimal.ONE, Unit.of("pcs").orElseThrow(), PartKind.MADE, null, null, null, material ? p.material() : null,
                    material ? p.massGrams() : null, material ? Unit.of("g").orElseThrow() : null, null, null, null));
            added.add(p.name());
        }
        if (!parts.isEmpty()) {
            mapped.add(parts.size() + " [[part]] table(s): " + (listed.isEmpty() ? "" : String.join(", ", listed) + " in the BOM already")
                    + (listed.isEmpty() || added.isEmpty() ? "" : "; ") + (added.isEmpty() ? "" : String.join(", ", added) + " added as made parts"));
        }
        return all;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainer()) {
            return null;
        }
        String s = node.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orElse(String s, String otherwise) {
        return s == null ? otherwise : s;
    }
}
