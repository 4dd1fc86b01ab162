package microfactory.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import microfactory.common.Money;

/** The source's numbers, kept as test cases. */
class SourceEconomicsTest {

    @Test
    void aThousandMembersAtFiveThousandFundFiveMillion() {
        assertThat(SourceEconomics.SOURCE.startUpCapital()).isEqualTo(Money.of(500_000_000L, "USD"));
    }

    @Test
    void fiveMillionAtTwentyThousandADayPaysBackIn250Days() {
        assertThat(SourceEconomics.SOURCE.paybackDays()).isEqualTo(250);
    }

    @Test
    void twelveBaysOneWeekendAMonthMake144AYear() {
        assertThat(SourceEconomics.SOURCE.unitsPerYear()).isEqualTo(144);
    }

    @Test
    void paybackRoundsUpToAWholeDay() {
        SourceEconomics e = new SourceEconomics(3, Money.of(100, "USD"), Money.of(7, "USD"), 1, 1);
        assertThat(e.paybackDays()).isEqualTo(43); // 300 / 7 = 42.86
    }
}
