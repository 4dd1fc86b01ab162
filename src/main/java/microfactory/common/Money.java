package microfactory.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount as an integer count of minor units (cents) with its ISO 4217 currency; never a double. */
public record Money(long minor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // throws on an unknown code
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    /** For display only: "$5,000.00", "€12.50". */
    public String formatted() {
        Currency c = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(c);
        format.setMinimumFractionDigits(c.getDefaultFractionDigits());
        format.setMaximumFractionDigits(c.getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(minor, c.getDefaultFractionDigits()));
    }

    @Override
    public String toString() {
        return formatted() + " " + currency;
    }
}
