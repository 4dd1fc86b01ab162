package microfactory.learning;

import java.math.BigDecimal;
import java.util.List;

/** A multiple-choice question (answer = index of the right choice) or a numeric one (answer ± tolerance). */
public record Question(long id, int seq, String kind, String prompt, List<String> choices, BigDecimal answer, BigDecimal tolerance) {

    boolean correct(String given) {
        if (given == null || given.isBlank()) {
            return false;
        }
        try {
            BigDecimal value = new BigDecimal(given.strip());
            return value.subtract(answer).abs().compareTo(tolerance) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
