package microfactory.funding;

import com.fasterxml.jackson.annotation.JsonValue;

/** Open for pledges, then closed once: succeeded (pledges posted), failed (pledges voided) or cancelled. */
public enum CampaignStatus {
    OPEN, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }
}
