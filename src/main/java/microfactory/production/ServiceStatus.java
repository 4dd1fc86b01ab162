package microfactory.production;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** An owner's request for service: open until a steward books the job, done when the service is recorded. */
public enum ServiceStatus {
    OPEN, BOOKED, DONE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
