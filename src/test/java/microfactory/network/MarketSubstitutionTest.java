package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The source's arithmetic: a chapter's output, lifetime-weighted; chapters to match an incumbent; years to half the market. */
class MarketSubstitutionTest {

    static Map<String, MarketSubstitution.Input> inputs(double chapters, double bays, double builds, double units, double lifetime, double growth,
                                                        double start) {
        Map<String, MarketSubstitution.Input> in = new LinkedHashMap<>();
        in.put("chapters", new MarketSubstitution.Input("chapters", chapters, "test"));
        in.put("startChapters", new MarketSubstitution.Input("startChapters", start, "test"));
        in.put("bays", new MarketSubstitution.Input("bays", bays, "test"));
        in.put("buildsPerBayPerMonth", new MarketSubstitution.Input("buildsPerBayPerMonth", builds, "test"));
        in.put("unitsPerBuild", new MarketSubstitution.Input("unitsPerBuild", units, "test"));
        in.put("lifetimeMultiplier", new MarketSubstitution.Input("lifetimeMultiplier", lifetime, "test"));
        in.put("growth", new MarketSubstitution.Input("growth", growth, "test"));
        return in;
    }

    @Test
    void aThousandChaptersMakingAThousandEachMatchAMillion() {
        // "1 million vehicles means a capacity of 1000 per microfactory, with 1000 microfactories"
        MarketSubstitution.Result r = MarketSubstitution.compute("cars", inputs(1000, 1, 1000.0 / 12, 1, 1, 0, 1),
                Map.of("a million", 1_000_000.0), null);
        assertThat(r.unitsPerChapterYear()).isCloseTo(1000, within(1e-9));
        assertThat(r.networkOutput()).isCloseTo(1_000_000, within(1e-6));
        assertThat(r.incumbents().get(0).chaptersToMatch()).isEqualTo(1000);
        assertThat(r.incumbents().get(0).networkShare()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void twelveBaysOnceAMonthWithLifetimeDesignAgainstTheSourcesCarMakers() {
        MarketSubstitution.Result r = MarketSubstitution.compute("cars", inputs(10_000, 12, 1, 1, 10, 1.0, 1), MarketModel.CARS, null);
        assertThat(r.unitsPerChapterYear()).isEqualTo(144);
        assertThat(r.effectivePerChapterYear()).isEqualTo(1440);
        assertThat(r.networkOutput()).isEqualTo(14_400_000);
        assertThat(r.incumbents()).extracting(MarketSubstitution.Against::chaptersToMatch).containsExactly(348L, 1181L, 6945L);
        assertThat(r.market()).isEqualTo(12_200_000);
        // from one chapter doubling every year, to half of 12.2M at 1,440 a chapter: log2(6.1M / 1,440) years
        assertThat(r.yearsToMajority()).isCloseTo(Math.log(6_100_000.0 / 1440) / Math.log(2), within(1e-9));
        assertThat(r.curve().get(1).chapters()).isEqualTo(2);
    }

    @Test
    void withoutGrowthHalfTheMarketIsNotReachedUnlessItIsAlready() {
        assertThat(MarketSubstitution.compute("cars", inputs(10, 12, 1, 1, 10, 0, 1), MarketModel.CARS, null).yearsToMajority()).isNull();
        assertThat(MarketSubstitution.compute("cars", inputs(10, 12, 1, 1, 10, 0, 10_000), MarketModel.CARS, null).yearsToMajority()).isZero();
    }

    @Test
    void theChartDrawsTheCurveOnALogScaleWithEachIncumbent() {
        MarketChart chart = MarketChart.of(MarketSubstitution.compute("cars", inputs(10_000, 12, 1, 1, 10, 1.0, 1), MarketModel.CARS, null));
        assertThat(chart.levels()).extracting(MarketChart.Level::label).containsExactly("Tesla 500k", "Ford 1.7M", "Toyota 10M", "half the market 6.1M");
        assertThat(chart.units()).extracting(MarketChart.Tick::label).contains("1k", "10M");
        assertThat(chart.networkPoints().split(" ")).hasSizeGreaterThan(10);
    }
}
