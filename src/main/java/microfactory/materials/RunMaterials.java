package microfactory.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;

import microfactory.designs.DesignService;
import microfactory.designs.bom.Bom;
import microfactory.designs.bom.Unit;

/**
 * What production runs take from stock. Scheduling a run reserves its BOM explosion × quantity: a need named by code
 * from that material, a need by class from the class's materials — recycled stock first, as far as it is available,
 * the rest from the class's first virgin material. A run's shortage is what its reservation lacks once stock has
 * served the runs reserved before it. Completing a unit issues its share of the reservation; cancelling releases it.
 */
@Service
public class RunMaterials {

    /** One material of a run: needed, held for it, on hand in all, and how much is missing for it. */
    public record Need(String material, String name, String unit, BigDecimal needed, BigDecimal reserved, BigDecimal onHand,
                       BigDecimal shortBy) {
    }

    /**
     * A run's materials; {@code unstocked}: BOM materials the catalogue has nothing for (named, with what to add);
     * {@code consumed}: what its built units took from stock, per material code (in the material's unit).
     */
    public record RunNeeds(List<Need> needs, List<String> unstocked, Map<String, BigDecimal> consumed) {
        public boolean anyShort() {
            return needs.stream().anyMatch(n -> n.shortBy().signum() > 0) || !unstocked.isEmpty();
        }

        /** Each shortage as a person reads it ("Hydraulic hose (HOSE-12): 4 m short"), then each material the catalogue lacks. */
        @JsonProperty("shortages")
        public List<String> shortages() {
            List<String> named = new ArrayList<>();
            needs.stream().filter(n -> n.shortBy().signum() > 0).forEach(n -> named.add(n.name() + " (" + n.material() + "): "
                    + n.shortBy().stripTrailingZeros().toPlainString() + " " + n.unit() + " short"));
            named.addAll(unstocked);
            return named;
        }
    }

    private final MaterialRepository repository;
    private final MaterialService materials;
    private final DesignService designs;

    RunMaterials(MaterialRepository repository, MaterialService materials, DesignService designs) {
        this.repository = repository;
        this.materials = materials;
        this.designs = designs;
    }

    /** The design's stock needs for {@code quantity} units, per catalogue material (in its unit), and the needs it cannot meet. */
    private record Plan(Map<Material, BigDecimal> byMaterial, Map<Material, List<Material>> classOf, List<String> unstocked) {
    }

    private Plan plan(String design, String version, int quantity) {
        Map<Material, BigDecimal> byMaterial = new LinkedHashMap<>();
        Map<Material, List<Material>> classOf = new LinkedHashMap<>();
        List<String> unstocked = new ArrayList<>();
        List<Material> catalogue = materials.catalogue();
        for (Bom.StockNeed need : designs.view(design, version).bom().stockNeeds()) {
            BigDecimal q = need.quantity().multiply(BigDecimal.valueOf(quantity));
            if (need.materialCode() != null) {
                var m = materials.find(need.materialCode());
                if (m.isEmpty()) {
                    unstocked.add(need.part() + ": material " + need.materialCode() + " is not in the catalogue");
                    continue;
                }
                add(byMaterial, m.get(), q, need, unstocked);
                continue;
            }
            var klass = MaterialClass.of(need.materialClass());
            List<Material> candidates = catalogue.stream().filter(m -> klass.isPresent() && m.materialClass() == klass.get())
                    .filter(m -> sameDimension(m, need)).sorted(Comparator.comparing((Material m) -> !m.recycled()).thenComparing(Material::code))
                    .toList();
            if (candidates.isEmpty()) {
                unstocked.add(need.part() + ": no " + need.materialClass() + " in the catalogue counted in " + need.unit().dimension()
                        + " (add one at /materials)");
                continue;
            }
            Material primary = candidates.stream().filter(m -> !m.recycled()).findFirst().orElse(candidates.get(0));
            classOf.putIfAbsent(primary, candidates);
            add(byMaterial, primary, q, need, unstocked);
        }
        return new Plan(byMaterial, classOf, unstocked);
    }

    private void add(Map<Material, BigDecimal> byMaterial, Material m, BigDecimal q, Bom.StockNeed need, List<String> unstocked) {
        if (!sameDimension(m, need)) {
            unstocked.add(need.part() + ": " + m.code() + " is counted in " + m.unit() + ", the BOM in " + need.unit().symbol());
            return;
        }
        byMaterial.merge(m, materials.inUnitOf(m, q, need.unit().symbol(), "unit"), BigDecimal::add);
    }

    private static boolean sameDimension(Material m, Bom.StockNeed need) {
        return Unit.of(m.unit()).map(u -> u.dimension().equals(need.unit().dimension())).orElse(false);
    }

    /**
     * Reserves what a run needs (replacing what it held): recycled stock of a class first, as far as it is available
     * to this run, the rest from the class's first virgin material.
     */
    @Transactional
    public RunNeeds reserve(long runId, String design, String version, int quantity) {
        Plan plan = plan(design, version, quantity);
        repository.release(runId);
        Map<Long, BigDecimal> onHand = repository.onHandAll();
        Map<Long, BigDecimal> reserved = repository.reservedAll();
        plan.byMaterial().forEach((primary, need) -> {
            BigDecimal left = need;
            for (Material m : plan.classOf().getOrDefault(primary, List.of(primary))) {
                if (left.signum() <= 0) {
                    break;
                }
                repository.lock(m.id());
                BigDecimal take = m.equals(primary) ? left
                        : left.min(onHand.getOrDefault(m.id(), BigDecimal.ZERO).subtract(reserved.getOrDefault(m.id(), BigDecimal.ZERO)).max(BigDecimal.ZERO));
                if (m.equals(primary) || take.signum() > 0) {
                    repository.setReservation(runId, m.id(), take.add(repository.reservation(runId).getOrDefault(m.id(), BigDecimal.ZERO)));
                    left = left.subtract(take);
                }
            }
            if (left.signum() > 0) { // the recycled candidates came after the primary: hold the rest on the primary
                repository.setReservation(runId, primary.id(), left.add(repository.reservation(runId).getOrDefault(primary.id(), BigDecimal.ZERO)));
            }
        });
        return needs(runId, design, version, quantity);
    }

    /** A run's materials as reserved (or, before it is scheduled, as it would need them) and what is short. */
    public RunNeeds needs(long runId, String design, String version, int quantity) {
        Plan plan = plan(design, version, quantity);
        Map<Long, BigDecimal> held = repository.reservation(runId);
        Map<Long, BigDecimal> onHand = repository.onHandAll();
        List<Need> needs = new ArrayList<>();
        if (held.isEmpty()) {
            // not reserved yet: short by what stock lacks once every reservation is served
            plan.byMaterial().forEach((m, q) -> needs.add(need(m, q, BigDecimal.ZERO, onHand, repository.reservedBefore(m.id(), Long.MAX_VALUE), q)));
        } else {
            held.forEach((id, q) -> {
                Material m = materials.material(id);
                needs.add(need(m, q, q, onHand, repository.reservedBefore(id, runId), q));
            });
        }
        return new RunNeeds(needs, plan.unstocked(), repository.consumedBy(runId));
    }

    /** A run that has ended holds nothing and needs nothing: only what its units consumed. */
    public RunNeeds ended(long runId) {
        return new RunNeeds(List.of(), List.of(), repository.consumedBy(runId));
    }

    /** Runs reserved before this one ({@code before}: what they hold) are served first; this run is short by what is left. */
    private static Need need(Material m, BigDecimal needed, BigDecimal reserved, Map<Long, BigDecimal> onHand, BigDecimal before,
                             BigDecimal want) {
        BigDecimal stock = onHand.getOrDefault(m.id(), BigDecimal.ZERO);
        BigDecimal shortBy = want.subtract(stock.subtract(before).max(BigDecimal.ZERO)).max(BigDecimal.ZERO).min(want);
        return new Need(m.code(), m.name(), m.unit(), scale(needed), scale(reserved), scale(stock), scale(shortBy));
    }

    /**
     * A unit of the run is built: its share of the run's reservation (the reservation over the units not yet built) is
     * issued from stock, fullest location first, as far as stock goes; the reservation shrinks by the share.
     */
    @Transactional
    public void unitBuilt(long runId, String serial, int unitsLeft, Long memberId) {
        Map<Long, BigDecimal> held = repository.reservation(runId);
        for (Map.Entry<Long, BigDecimal> e : held.entrySet()) {
            Material m = materials.material(e.getKey());
            BigDecimal share = unitsLeft <= 1 ? e.getValue() : e.getValue().divide(BigDecimal.valueOf(unitsLeft), 4, RoundingMode.HALF_EVEN);
            repository.lock(m.id());
            BigDecimal left = share;
            for (String location : repository.locationsByQuantity(m.id())) {
                if (left.signum() <= 0) {
                    break;
                }
                BigDecimal take = left.min(repository.onHand(m.id(), location));
                materials.move(new MoveRequest(m.code(), MoveKind.ISSUE.name(), take, null, location, null, null, runId, serial, null, null,
                        "built into " + serial), memberId);
                left = left.subtract(take);
            }
            repository.setReservation(runId, m.id(), e.getValue().subtract(share).max(BigDecimal.ZERO));
        }
    }

    /**
     * A lot of a materials-production run is made: its output goes into stock, recorded against what went in (the input
     * it drew most of, in the output's dimension), so the move carries the yield.
     */
    @Transactional
    public Move lotProduced(long runId, String lot, String material, BigDecimal quantity, Long memberId) {
        Material out = materials.material(material);
        String dimension = Unit.of(out.unit()).orElseThrow().dimension();
        Material input = null;
        BigDecimal inputQuantity = null;
        for (Map.Entry<Long, BigDecimal> e : repository.issuedFor(lot).entrySet()) {
            Material m = materials.material(e.getKey());
            if (Unit.of(m.unit()).orElseThrow().dimension().equals(dimension) && (inputQuantity == null || e.getValue().compareTo(inputQuantity) > 0)) {
                input = m;
                inputQuantity = e.getValue();
            }
        }
        boolean comparable = input != null && input.unit().equals(out.unit()) && inputQuantity.compareTo(quantity) >= 0;
        return materials.move(new MoveRequest(out.code(), MoveKind.PRODUCE.name(), quantity, null, null, null, null, runId, lot,
                comparable ? input.code() : null, comparable ? inputQuantity : null, "made in build #" + runId), memberId);
    }

    /** A cancelled run holds nothing. */
    @Transactional
    public void release(long runId) {
        repository.release(runId);
    }

    private static BigDecimal scale(BigDecimal q) {
        return q.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
