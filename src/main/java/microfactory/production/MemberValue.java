package microfactory.production;

import java.time.LocalDate;
import java.util.List;

/**
 * The value one member generated over [from, to] (days in the chapter's time zone): their shares of the units they
 * built (each unit's reference price split by the minutes its builders worked) and their teaching (each sign-off given,
 * {@link ValueGenerated#SIGN_OFF_MINUTES} at the chapter's hourly value) and maintenance (the time the machine was down, at
 * most a day a record, at the same rate), oldest first.
 */
public record MemberValue(String member, LocalDate from, LocalDate to, String currency, long totalMinor, int minutes,
                          List<Contribution> contributions) {
}
