package microfactory.equipment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A booking of one unit of a machine for a slot; {@code holder} is the booker's pseudonym (public), never their name. */
public record Booking(long id, String machine, @JsonIgnore long memberId, String holder, Instant start, Instant end,
                      BookingStatus status, String cancelReason) {
}
