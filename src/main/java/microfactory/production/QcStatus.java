package microfactory.production;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a unit stands in quality control: it passes only when every check and the final inspection pass. */
public enum QcStatus {
    PASSED, FAILED, PENDING;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
