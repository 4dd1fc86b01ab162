package microfactory.ledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a chapter produced, read from its log's entries alone: units by design and by month, builds (distinct runs) by
 * month, and the members whose membership runs at the log's last entry. Fed in log order, like {@link EconomicsReport}.
 */
public final class ProductionTally {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Long> byDesign = new TreeMap<>();
    private final Map<String, Long> byMonth = new TreeMap<>();
    private final Map<String, Set<String>> runsByMonth = new TreeMap<>();
    private final Map<String, LocalDate> membershipEnds = new HashMap<>();
    private final Set<String> openEnded = new HashSet<>();
    private Instant last = Instant.EPOCH;
    private long units;

    /** The figures: units, units by design and by month, builds by month, members at the last entry. */
    public record Production(long units, Map<String, Long> unitsByDesign, Map<String, Long> unitsByMonth, Map<String, Long> buildsByMonth,
                             long members) {
    }

    public void accept(byte[] entry) {
        JsonNode e = JSON.readTree(entry);
        Instant at = Instant.parse(e.path("at").asString(Instant.EPOCH.toString()));
        last = at.isAfter(last) ? at : last;
        JsonNode data = e.path("data");
        switch (e.path("kind").asString("")) {
            case "unit.produced" -> {
                units++;
                String month = YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
                byDesign.merge(data.path("design").asString("?"), 1L, Long::sum);
                byMonth.merge(month, 1L, Long::sum);
                runsByMonth.computeIfAbsent(month, k -> new HashSet<>()).add(data.path("run").asString(""));
            }
            case "membership.started" -> {
                String member = data.path("member").asString("");
                String ends = data.path("ends").asString(null);
                if (ends == null) {
                    openEnded.add(member);
                } else {
                    membershipEnds.merge(member, LocalDate.parse(ends), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            default -> { }
        }
    }

    public Production result() {
        LocalDate today = last.atZone(ZoneOffset.UTC).toLocalDate();
        Set<String> members = new HashSet<>(openEnded);
        membershipEnds.forEach((member, ends) -> {
            if (!ends.isBefore(today)) {
                members.add(member);
            }
        });
        Map<String, Long> builds = new TreeMap<>();
        runsByMonth.forEach((month, runs) -> builds.put(month, (long) runs.size()));
        return new Production(units, Map.copyOf(byDesign), new TreeMap<>(byMonth), builds, members.size());
    }
}
