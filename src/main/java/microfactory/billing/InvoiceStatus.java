package microfactory.billing;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an invoice stands on a given day. */
public enum InvoiceStatus {
    OPEN, OVERDUE, PAID;

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }
}
