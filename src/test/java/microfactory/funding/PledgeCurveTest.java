package microfactory.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class PledgeCurveTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Instant CREATED = Instant.parse("2026-11-01T15:00:00Z");

    private static Campaign campaign(Instant closedAt) {
        return new Campaign(1, "Cutter", "", 100_000, "USD", CREATED.plusSeconds(86_400 * 9), CampaignMode.ALL_OR_NOTHING,
                closedAt == null ? CampaignStatus.OPEN : CampaignStatus.SUCCEEDED, "start-up-capital", 0, 0, CREATED, closedAt,
                List.of());
    }

    private static Pledge pledge(int day, long amount, PledgeStatus status) {
        return new Pledge(day, 1, "m-abc", amount, null, status, "p-" + day, CREATED.plusSeconds(86_400L * day + 60));
    }

    @Test
    void thePledgesAddUpDayByDayAndLeftOutOnesDoNotCount() {
        List<Pledge> pledges = List.of(pledge(0, 20_000, PledgeStatus.HELD), pledge(2, 30_000, PledgeStatus.HELD),
                pledge(2, 50_000, PledgeStatus.WITHDRAWN));
        PledgeCurve curve = PledgeCurve.of(campaign(null), pledges, ZONE, CREATED.plusSeconds(86_400 * 3 + 100));
        String[] points = curve.points().split(" ");
        assertThat(points).hasSize(5); // the origin and four days
        double plot = PledgeCurve.HEIGHT - PledgeCurve.TOP - PledgeCurve.BOTTOM;
        double top = 100_000 * 1.08;
        assertThat(y(points[1])).isCloseTo(curve.bottom() - plot * 20_000 / top, within(0.1));
        assertThat(y(points[2])).isEqualTo(y(points[1])); // nothing on day 1
        assertThat(y(points[4])).isCloseTo(curve.bottom() - plot * 50_000 / top, within(0.1));
        assertThat(curve.goalY()).isCloseTo(curve.bottom() - plot * 100_000 / top, within(0.1));
        assertThat(curve.xTicks()).extracting(PledgeCurve.Tick::label).startsWith("1 Nov");
        assertThat(curve.yTicks()).extracting(PledgeCurve.Tick::label).containsExactly("$0.00", "$500.00", "$1,000.00");
    }

    @Test
    void aClosedCampaignsCurveEndsWhereItClosed() {
        PledgeCurve curve = PledgeCurve.of(campaign(CREATED.plusSeconds(86_400)), List.of(pledge(0, 5_000, PledgeStatus.POSTED)),
                ZONE, CREATED.plusSeconds(86_400 * 30));
        assertThat(curve.points().split(" ")).hasSize(3);
    }

    private static double y(String point) {
        return Double.parseDouble(point.split(",")[1]);
    }
}
