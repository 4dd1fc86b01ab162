package microfactory.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a chapter produced, from its entries alone: units by design and month, builds as distinct runs, members at the end. */
class ProductionTallyTest {

    static byte[] entry(String at, String kind, String data) {
        return ("{\"at\":\"" + at + "\",\"kind\":\"" + kind + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unitsBuildsAndMembersAreCountedFromTheEntries() {
        ProductionTally t = new ProductionTally();
        t.accept(entry("2026-01-05T10:00:00Z", "membership.started", "{\"member\":\"m-1\",\"starts\":\"2026-01-05\"}"));
        t.accept(entry("2026-01-06T10:00:00Z", "membership.started", "{\"member\":\"m-2\",\"starts\":\"2026-01-06\",\"ends\":\"2026-01-31\"}"));
        t.accept(entry("2026-01-07T10:00:00Z", "membership.started", "{\"member\":\"m-3\",\"starts\":\"2026-01-07\",\"ends\":\"2027-01-06\"}"));
        t.accept(entry("2026-01-20T10:00:00Z", "unit.produced", "{\"serial\":\"A-1\",\"design\":\"lifetrac\",\"run\":1}"));
        t.accept(entry("2026-01-21T10:00:00Z", "unit.produced", "{\"serial\":\"A-2\",\"design\":\"lifetrac\",\"run\":1}"));
        t.accept(entry("2026-02-10T10:00:00Z", "unit.produced", "{\"serial\":\"B-1\",\"design\":\"ceb-press\",\"run\":2}"));
        t.accept(entry("2026-02-11T10:00:00Z", "badge.issued", "{\"badge\":\"welding\"}"));
        ProductionTally.Production p = t.result();
        assertThat(p.units()).isEqualTo(3);
        assertThat(p.unitsByDesign()).isEqualTo(Map.of("lifetrac", 2L, "ceb-press", 1L));
        assertThat(p.unitsByMonth()).containsExactly(Map.entry("2026-01", 2L), Map.entry("2026-02", 1L));
        assertThat(p.buildsByMonth()).containsExactly(Map.entry("2026-01", 1L), Map.entry("2026-02", 1L));
        assertThat(p.members()).as("m-2's membership ended on 31 January").isEqualTo(2);
    }
}
