package microfactory.equipment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Maintenance done or scheduled on a machine: by whom (pseudonym), what, the parts used, and the time it is down —
 * a window that blocks bookings. {@code plan} is the plan it fulfils, if any.
 */
public record MaintenanceRecord(long id, String machine, Long plan, @JsonIgnore long memberId, String by, String what, String parts,
                                Instant downFrom, Instant downUntil) {
}
