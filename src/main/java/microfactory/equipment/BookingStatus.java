package microfactory.equipment;

import com.fasterxml.jackson.annotation.JsonValue;

/** A booking holds its slot until it is cancelled (by the booker, a steward, or a fault that stops the machine). */
public enum BookingStatus {
    BOOKED, CANCELLED;

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }
}
