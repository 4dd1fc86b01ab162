package microfactory.production;

import java.time.Instant;
import java.util.List;

/**
 * A unit's quality record: every build task's checks (result, who by pseudonym, when, note, the standard the task's
 * checks refer to), the final inspection (the latest; null until someone with the quality badge signs one), and the
 * status: passed only when every check and the final inspection passed.
 */
public record UnitQuality(String serial, QcStatus status, List<TaskChecks> tasks, Inspection inspection) {

    public record TaskChecks(String task, String name, String standard, List<Check> checks) {
    }

    public record Check(String item, boolean passed, String by, Instant at, String note) {
    }

    public record Inspection(String by, Instant at, boolean passed, String note, long ledgerIndex) {
    }
}
