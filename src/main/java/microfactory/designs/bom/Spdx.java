package microfactory.designs.bom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SPDX licence expressions: ids joined by AND, OR and WITH, in parentheses. Ids are checked against the
 * licences open designs commonly use; LicenseRef-… is always allowed. (The full SPDX list is not shipped yet.)
 */
public final class Spdx {

    static final Set<String> KNOWN = Set.of(
            "CERN-OHL-1.1", "CERN-OHL-1.2", "CERN-OHL-P-2.0", "CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "TAPR-OHL-1.0",
            "SHL-0.5", "SHL-0.51", "SHL-2.0", "SHL-2.1", "Solderpad-0.51", "OHL",
            "CC0-1.0", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
            "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "CC-PDDC",
            "MIT", "MIT-0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "BSD-1-Clause", "0BSD", "Apache-2.0", "MPL-2.0",
            "EPL-2.0", "Unlicense", "Zlib",
            "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later",
            "LGPL-3.0-only", "LGPL-3.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later", "GFDL-1.3-only",
            "GFDL-1.3-or-later", "OFL-1.1", "ODbL-1.0", "PDDL-1.0", "WTFPL", "Classpath-exception-2.0",
            "LLVM-exception", "GCC-exception-3.1");

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
                    if (!id.startsWith("LicenseRef-") && !KNOWN.contains(id)) {
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
