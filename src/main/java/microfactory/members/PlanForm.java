package microfactory.members;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;

/**
 * The plan form as people fill it in: dues in the currency's major units ("5000"), the value share in percent
 * ("10"), the rights as check boxes; {@link #toTerms} names what it cannot read.
 */
public record PlanForm(String code, String name, String kind, String annualDues, String currency, String valueSharePercent,
                       String usufructRight, String trainingRight, String description, String active) {

    static PlanForm blank(String currency) {
        return new PlanForm("", "", PlanKind.FLAT_DUES.name(), "", currency, "", "on", "on", "", "on");
    }

    static PlanForm of(Plan p) {
        return new PlanForm(p.code(), p.name(), p.kind().name(),
                p.annualDuesMinor() == null ? "" : Money.of(p.annualDuesMinor(), p.currency()).plain(), p.currency(),
                p.valueShareBp() == null ? "" : BigDecimal.valueOf(p.valueShareBp(), 2).stripTrailingZeros().toPlainString(),
                p.usufructRight() ? "on" : null, p.trainingRight() ? "on" : null, p.description(), p.active() ? "on" : null);
    }

    PlanTerms toTerms() {
        List<FieldProblem> problems = new ArrayList<>();
        PlanKind planKind = null;
        try {
            planKind = PlanKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "choose flat dues or a value share"));
        }
        String money = currency == null ? "" : currency.strip().toUpperCase();
        Long dues = null;
        if (planKind == PlanKind.FLAT_DUES && annualDues != null && !annualDues.isBlank()) {
            dues = Money.parseMinor(annualDues, money.matches("[A-Z]{3}") ? money : "USD").orElse(null);
            if (dues == null) {
                problems.add(new FieldProblem("annualDues", "an amount a year, such as 5000 or 250.50"));
            }
        }
        Integer share = null;
        if (planKind == PlanKind.VALUE_SHARE && valueSharePercent != null && !valueSharePercent.isBlank()) {
            try {
                share = new BigDecimal(valueSharePercent.strip().replace("%", "")).movePointRight(2).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(new FieldProblem("valueSharePercent", "a percentage such as 10 or 7.5"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PlanTerms(code, name, planKind, dues, money, share, usufructRight != null, trainingRight != null, description,
                active != null);
    }
}
