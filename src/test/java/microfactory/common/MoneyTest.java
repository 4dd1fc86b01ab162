package microfactory.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsMinorUnitsByTheCurrencysOwnDecimals() {
        assertThat(Money.of(500_000, "USD").formatted()).isEqualTo("$5,000.00");
        assertThat(Money.of(1250, "EUR").formatted()).isEqualTo("€12.50");
        assertThat(Money.of(1250, "JPY").formatted()).isEqualTo("¥1,250");
    }

    @Test
    void refusesAnUnknownCurrency() {
        assertThatThrownBy(() -> Money.of(1, "XYZ1")).isInstanceOf(IllegalArgumentException.class);
    }
}
