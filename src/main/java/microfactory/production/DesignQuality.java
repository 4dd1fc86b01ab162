package microfactory.production;

import java.math.BigDecimal;
import java.util.List;

/** Quality control of a design over every unit built of it: units by status, and each task's checks passed. */
public record DesignQuality(String design, int units, int passed, int failed, int pending, List<TaskRate> tasks) {

    public record TaskRate(String task, String name, int checks, int passed, BigDecimal percent) {
    }
}
