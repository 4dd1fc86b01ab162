package microfactory.production;

import java.time.Instant;

/** An owner asking for service of their unit (owner by pseudonym); booked for a time by a steward, done when serviced. */
public record ServiceRequest(long id, String serial, String owner, String what, ServiceStatus status, Instant bookedFor,
                             String bookingNote, Instant createdAt, Instant doneAt) {
}
