package microfactory.production;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import microfactory.common.FieldProblem;
import microfactory.common.Money;

/**
 * The "plan a run" form as people fill it in: times as 08:00, the fee as 150.00, roles one per line as
 * "welding 2 4" (skill, level, seats). {@link #toRequest} names every field it cannot read.
 */
public record RunForm(String design, String quantity, String startsOn, String days, String dayStart, String dayEnd, String crewTarget,
                      String traineeSeats, String fee, String currency, String roles, String draft, List<String> bays) {

    /** A new run's form, in the chapter's currency, two weeks from today in the chapter's zone. */
    public static RunForm blank(String currency, LocalDate today) {
        return new RunForm("", "1", today.plusDays(14).toString(), "5", "08:00", "17:00", "24", "6", "0", currency, "", "", List.of());
    }

    RunRequest toRequest(List<FieldProblem> problems) {
        List<RunRequest.Role> parsedRoles = new ArrayList<>();
        if (roles != null) {
            String[] lines = roles.strip().split("\\R");
            for (int k = 0; k < lines.length; k++) {
                String line = lines[k].strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length != 3 || number(parts[1]) == null || number(parts[2]) == null) {
                    problems.add(new FieldProblem("roles", "line " + (k + 1) + ": write skill, level and seats, like \"welding 2 4\""));
                    continue;
                }
                parsedRoles.add(new RunRequest.Role(parts[0], number(parts[1]), number(parts[2])));
            }
        }
        String c = currency == null || currency.isBlank() ? "USD" : currency.strip().toUpperCase();
        Long feeMinor = Money.parseMinor(fee == null || fee.isBlank() ? "0" : fee, c).orElse(null);
        if (feeMinor == null) {
            problems.add(new FieldProblem("fee", "an amount like 150.00 (0 for a free run) in a currency like USD"));
        }
        return new RunRequest(design, number(quantity), date(startsOn, problems), number(days), minute(dayStart, "dayStart", problems),
                minute(dayEnd, "dayEnd", problems), number(crewTarget), number(traineeSeats), parsedRoles, feeMinor,
                currency == null ? null : currency.strip().toUpperCase(), draft != null && !draft.isBlank(), bays == null ? List.of() : bays);
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text, List<FieldProblem> problems) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("startsOn", "a date like 2026-12-07"));
            return null;
        }
    }

    private static Integer minute(String text, String field, List<FieldProblem> problems) {
        try {
            LocalTime t = LocalTime.parse(text == null ? "" : text.strip());
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "a time like 08:00"));
            return null;
        }
    }
}
