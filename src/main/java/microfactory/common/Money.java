package microfactory.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** An amount as an integer count of minor units (cents) with its ISO 4217 currency; never a double. */
public record Money(long minor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // throws on an unknown code
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    /**
     * An amount as a person types it ("5000", "5,000.50", "150.00") in minor units of the currency's own exponent;
     * empty when it is not a plain amount or has more decimals than the currency.
     */
    public static Optional<Long> parseMinor(String text, String currency) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return Optional.of(new BigDecimal(text.strip().replace(",", "").replace(" ", "")).movePointRight(Math.max(0, digits))
                    .longValueExact());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * An amount in minor units as an API client sent it, refused (naming {@code field}) when it is not a whole number:
     * bound to a long, Jackson would quietly drop a fraction. Null stays null.
     */
    public static Long wholeMinor(BigDecimal amount, String field) {
        if (amount == null) {
            return null;
        }
        try {
            return amount.longValueExact();
        } catch (ArithmeticException e) {
            throw InvalidInputException.of(field, "a whole number of minor units (cents); " + amount.toPlainString() + " is not one");
        }
    }

    /** The amount in major units as a form shows it: "5000000.00", "1500" for yen. */
    public String plain() {
        return BigDecimal.valueOf(minor, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())).toPlainString();
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
