package microfactory.members;

import java.math.BigDecimal;

import microfactory.common.Money;

/**
 * What a membership costs and gives. Flat plans carry {@code annualDuesMinor}; value-share plans
 * carry {@code valueShareBp} in basis points (1000 = 10%).
 */
public record Plan(long id, String code, String name, PlanKind kind, Long annualDuesMinor, String currency,
                   Integer valueShareBp, boolean usufructRight, boolean trainingRight, String description,
                   boolean active) {

    /** "$5,000.00 a year" or "10% of the value you produce". */
    public String terms() {
        if (kind == PlanKind.FLAT_DUES) {
            return Money.of(annualDuesMinor, currency).formatted() + " a year";
        }
        BigDecimal percent = BigDecimal.valueOf(valueShareBp, 2).stripTrailingZeros();
        return percent.toPlainString() + "% of the value you produce";
    }

    /** The rights the plan gives, in words. */
    public String rights() {
        if (usufructRight && trainingRight) {
            return "Use of the factory for your own production, and training";
        }
        if (usufructRight) {
            return "Use of the factory for your own production";
        }
        return trainingRight ? "Training" : "None";
    }
}
