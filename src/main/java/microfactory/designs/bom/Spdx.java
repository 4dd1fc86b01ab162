package microfactory.designs.bom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * SPDX licence expressions: ids joined by AND, OR and WITH, in parentheses, checked against the SPDX
 * License List (licences and exceptions, unpacked into the jar at build time); LicenseRef-… is always allowed.
 */
public final class Spdx {

    private static final Set<String> LICENCES = load("/spdx/resources/stdlicenses/licenses.json", "licenses", "licenseId");
    private static final Set<String> EXCEPTIONS = load("/spdx/resources/stdlicenses/exceptions.json", "exceptions", "licenseExceptionId");
    private static final List<Listed> LISTED = listed();

    /** A licence of the SPDX list: its id, its full name, and whether the id is deprecated (GPL-3.0 for GPL-3.0-only). */
    record Listed(String id, String name, boolean deprecated) {
    }

    static List<Listed> listedLicences() {
        return LISTED;
    }

    private static List<Listed> listed() {
        try (var in = Spdx.class.getResourceAsStream("/spdx/resources/stdlicenses/licenses.json")) {
            List<Listed> all = new ArrayList<>();
            JsonMapper.builder().build().readTree(in).get("licenses").values().forEach(l -> all.add(new Listed(l.get("licenseId").asString(),
                    l.get("name").asString(), l.path("isDeprecatedLicenseId").asBoolean(false))));
            return List.copyOf(all);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the SPDX License List's names", e);
        }
    }

    private static Set<String> load(String resource, String array, String field) {
        try (var in = Spdx.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the SPDX License List is missing from the build (" + resource + ")");
            }
            Set<String> ids = new HashSet<>();
            JsonMapper.builder().build().readTree(in).get(array).values()
                    .forEach(l -> ids.add(l.get(field).asString()));
            return Set.copyOf(ids);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** How many licences the list holds: for tests and the about page. */
    public static int licenceCount() {
        return LICENCES.size();
    }

    private Spdx() {
    }

    /** Empty when the expression is valid, else why not. */
    public static Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("no licence given; use an SPDX expression such as CERN-OHL-S-2.0 or CC-BY-SA-4.0");
        }
        List<String> tokens = new ArrayList<>();
        for (String t : expression.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+")) {
            tokens.add(t);
        }
        int depth = 0;
        boolean expectId = true;
        for (String t : tokens) {
            switch (t) {
                case "(" -> {
                    if (!expectId) {
                        return Optional.of("'(' cannot follow a licence id");
                    }
                    depth++;
                }
                case ")" -> {
                    if (expectId || --depth < 0) {
                        return Optional.of("unbalanced ')'");
                    }
                }
                case "AND", "OR", "WITH" -> {
                    if (expectId) {
                        return Optional.of("'" + t + "' needs a licence id before it");
                    }
                    expectId = true;
                }
                default -> {
                    if (!expectId) {
                        return Optional.of("join licence ids with AND, OR or WITH ('" + t + "')");
                    }
                    String id = t.endsWith("+") ? t.substring(0, t.length() - 1) : t;
                    if (!id.startsWith("LicenseRef-") && !LICENCES.contains(id) && !EXCEPTIONS.contains(id)) {
                        return Optional.of("'" + id + "' is not an SPDX licence id (e.g. CERN-OHL-S-2.0, CC-BY-SA-4.0, GPL-3.0-or-later)");
                    }
                    expectId = false;
                }
            }
        }
        if (expectId || depth != 0) {
            return Optional.of("the expression is incomplete");
        }
        return Optional.empty();
    }
}
