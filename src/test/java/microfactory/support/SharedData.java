package microfactory.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared data (test vectors, benchmark instances) beside the checkout: ../shared, or
 * -Dmicrofactory.shared=DIR. A fresh clone has none, and tests that need it skip with one line.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("microfactory.shared", "../shared")).toAbsolutePath().normalize();
    }

    /**
     * The path below shared/data, or a skipped test when it is not there — a failure instead when
     * {@code -Dmicrofactory.shared.required=true} (CI), so a conformance suite can never switch itself off.
     */
    public static Path require(String relative) {
        Path path = root().resolve("data").resolve(relative);
        if (!Files.exists(path) && Boolean.getBoolean("microfactory.shared.required")) {
            throw new AssertionError("shared data is required (CI) but not found at " + path + " (set -Dmicrofactory.shared)");
        }
        assumeTrue(Files.exists(path), "shared data not found at " + path + " (set -Dmicrofactory.shared)");
        return path;
    }
}
