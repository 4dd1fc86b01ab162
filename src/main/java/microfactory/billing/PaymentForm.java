package microfactory.billing;

/** The steward's payment form as typed: amount in major units ("5000", "5,000.00"), the day as 2026-03-31. */
public record PaymentForm(String member, String amount, String method, String reference, String receivedOn, String invoice) {

    static PaymentForm empty() {
        return new PaymentForm("", "", PaymentMethod.BANK_TRANSFER.name(), "", "", "");
    }
}
