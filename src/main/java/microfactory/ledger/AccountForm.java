package microfactory.ledger;

import microfactory.common.InvalidInputException;

/** The "open an account" form: {@code neverNegative} ticked puts the rule of the type's normal side on it. */
public record AccountForm(String code, String name, String type, String currency, String neverNegative) {

    OpenAccount toRequest() {
        AccountType t;
        try {
            t = AccountType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "choose asset, liability, equity, income or expense");
        }
        return StandardChart.request(new StandardChart.Line(code == null ? "" : code.strip(), name == null ? "" : name.strip(), t,
                neverNegative != null), currency == null ? "" : currency.strip().toUpperCase());
    }
}
