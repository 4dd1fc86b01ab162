package microfactory.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import microfactory.designs.bom.Unit;

/**
 * Where material went over a period, and how much of it went round again. Flows run from where stock came from
 * (bought, recycled from scrap or end-of-life units, produced in builds) through each material to where it went
 * (builds, scrap); recycled stock closes the loop from scrap back to the start. Circularity is the share of what
 * builds consumed that came from recycled stock, per material class (quantities in the class's base unit: kg, m, pcs).
 */
@Service
public class MaterialFlows {

    public static final String BOUGHT = "bought";
    public static final String RECYCLED = "recycled";
    public static final String PRODUCED = "produced in builds";
    public static final String SCRAP = "scrap";
    public static final String END_OF_LIFE = "end of life";

    /** One flow: {@code quantity} of {@code material} (its own unit) from one node to another. */
    public record Link(String source, String target, String material, BigDecimal quantity, String unit) {
    }

    /** Consumed by builds in a class, how much of it recycled, and the share (%); {@code unit} the base unit summed in. */
    public record Circularity(MaterialClass materialClass, String unit, BigDecimal consumed, BigDecimal fromRecycled, BigDecimal percent) {
    }

    public record Flows(Instant from, Instant to, List<Link> links, List<Circularity> circularity) {
    }

    private final MaterialRepository repository;

    MaterialFlows(MaterialRepository repository) {
        this.repository = repository;
    }

    public Flows flows(Instant from, Instant to) {
        Map<String, Material> byCode = new LinkedHashMap<>();
        repository.all().forEach(m -> byCode.put(m.code(), m));
        Map<List<String>, BigDecimal> sums = new LinkedHashMap<>();
        Map<MaterialClass, Map<String, BigDecimal[]>> consumed = new TreeMap<>();
        for (MaterialRepository.MoveRow row : repository.moves(null, from, to, 1_000_000)) {
            Move v = row.move();
            Material m = byCode.get(v.material());
            switch (v.kind()) {
                case RECEIPT -> add(sums, BOUGHT, m.code(), m, v.quantity());
                case PRODUCE -> add(sums, PRODUCED, m.code(), m, v.quantity());
                case RECYCLE -> add(sums, v.unitSerial() != null ? END_OF_LIFE : RECYCLED, m.code(), m, v.quantity());
                case SCRAP -> add(sums, m.code(), SCRAP, m, v.quantity());
                case ISSUE, RETURN -> {
                    BigDecimal q = v.kind() == MoveKind.ISSUE ? v.quantity() : v.quantity().negate();
                    add(sums, m.code(), v.run() != null ? "build #" + v.run() : "used", m, q);
                    if (v.run() != null) {
                        Unit u = Unit.of(m.unit()).orElseThrow();
                        BigDecimal base = q.multiply(u.toBase());
                        BigDecimal[] c = consumed.computeIfAbsent(m.materialClass(), k -> new TreeMap<>())
                                .computeIfAbsent(u.baseSymbol(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        c[0] = c[0].add(base);
                        if (m.recycled()) {
                            c[1] = c[1].add(base);
                        }
                    }
                }
                default -> { } // a count corrects the books; nothing flowed
            }
        }
        List<Link> links = new ArrayList<>();
        sums.forEach((key, q) -> {
            if (q.signum() > 0) {
                links.add(new Link(key.get(0), key.get(1), key.get(2), q.stripTrailingZeros(), byCode.get(key.get(2)).unit()));
            }
        });
        List<Circularity> circularity = new ArrayList<>();
        consumed.forEach((klass, units) -> units.forEach((unit, c) -> {
            if (c[0].signum() > 0) {
                circularity.add(new Circularity(klass, unit, c[0].setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                        c[1].setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                        c[1].multiply(BigDecimal.valueOf(100)).divide(c[0], 1, RoundingMode.HALF_EVEN)));
            }
        }));
        return new Flows(from, to, links, circularity);
    }

    private static void add(Map<List<String>, BigDecimal> sums, String source, String target, Material m, BigDecimal q) {
        sums.merge(List.of(source, target, m.code()), q, BigDecimal::add);
    }
}
