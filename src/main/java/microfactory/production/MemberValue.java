package microfactory.production;

import java.time.LocalDate;
import java.util.List;

/**
 * The value one member generated over [from, to] (days in the chapter's time zone): their shares of the units they
 * built, each unit's reference price split by the minutes its builders worked.
 */
public record MemberValue(String member, LocalDate from, LocalDate to, String currency, long totalMinor, int minutes,
                          List<UnitShare> contributions) {
}
