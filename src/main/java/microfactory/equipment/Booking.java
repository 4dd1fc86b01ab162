package microfactory.equipment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A booking of one unit of a machine for a slot; {@code holder} is the booker's pseudonym (public), never their name.
 * {@code startedAt} and {@code finishedAt} are the real use; {@code chargeTransfer} the ledger transfer that charged it.
 */
public record Booking(long id, String machine, @JsonIgnore long memberId, String holder, Instant start, Instant end,
                      BookingStatus status, String cancelReason, Instant startedAt, Instant finishedAt, String chargeTransfer) {
}
