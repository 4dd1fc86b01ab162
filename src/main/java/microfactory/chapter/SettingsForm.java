package microfactory.chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.SignUpMode;

/**
 * The settings page as people fill it in: the economic targets in major units of the chapter's currency
 * ("5,000,000", "20000.00"), empty when not known yet.
 */
public record SettingsForm(String name, String site, String region, String mission, String timeZone, String publicUrl,
                           String currency, String startUpCapital, String productionPerDay, String buildsPerBayPerYear,
                           String hourlyValue, String signUpMode) {

    static SettingsForm of(Chapter c) {
        return new SettingsForm(c.name(), c.site(), c.region(), c.mission(), c.timeZone(), c.publicUrl(), c.currency(),
                plain(c.startUpCapitalMinor(), c.currency()), plain(c.productionPerDayMinor(), c.currency()),
                c.buildsPerBayPerYear() == null ? "" : c.buildsPerBayPerYear().toString(), plain(c.hourlyValueMinor(), c.currency()),
                c.signUpMode().name());
    }

    /** The edit this form asks for, or every field it cannot read. */
    ChapterEdit toEdit() {
        List<FieldProblem> problems = new ArrayList<>();
        String money = ChapterRules.currencyProblem(currency).isPresent() ? "USD" : ChapterRules.normaliseCurrency(currency);
        Long capital = amount(startUpCapital, money, "startUpCapital", problems);
        Long perDay = amount(productionPerDay, money, "productionPerDay", problems);
        Long hourly = amount(hourlyValue, money, "hourlyValue", problems);
        Integer builds = null;
        if (buildsPerBayPerYear != null && !buildsPerBayPerYear.isBlank()) {
            try {
                builds = Integer.valueOf(buildsPerBayPerYear.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("buildsPerBayPerYear", "a whole number, such as 12 for one build a month"));
            }
        }
        SignUpMode mode = null;
        if (signUpMode != null && !signUpMode.isBlank()) {
            try {
                mode = SignUpMode.valueOf(signUpMode.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("signUpMode", "choose one of the two ways to join"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ChapterEdit(name, site, region, mission, timeZone, publicUrl, currency, capital, perDay, builds, hourly, mode);
    }

    private static Long amount(String text, String currency, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<Long> minor = Money.parseMinor(text, currency);
        if (minor.isEmpty()) {
            problems.add(new FieldProblem(field, "an amount such as 5000000 or 20000.00, or empty when not known yet"));
        }
        return minor.orElse(null);
    }

    private static String plain(Long minor, String currency) {
        return minor == null ? "" : Money.of(minor, currency).plain();
    }
}
