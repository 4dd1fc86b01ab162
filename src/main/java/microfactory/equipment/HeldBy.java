package microfactory.equipment;

import com.fasterxml.jackson.annotation.JsonValue;

/** What holds units of a machine over a time. */
public enum HeldBy {
    BOOKING, BUILD, MAINTENANCE;

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }
}
