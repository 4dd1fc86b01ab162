package microfactory.production;

import java.time.LocalDate;

/** When a unit's next service is due (its design version's interval after its last service, or after it was built). */
public record ServiceDue(String serial, String design, String owner, LocalDate dueOn, boolean overdue) {
}
