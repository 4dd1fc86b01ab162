package microfactory.production;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.designs.DesignService;
import microfactory.designs.DesignVersion;
import microfactory.equipment.EquipmentService;
import microfactory.equipment.Machine;
import microfactory.equipment.MachineEdit;
import microfactory.ledger.LedgerService;
import microfactory.materials.RunMaterials;
import microfactory.members.Member;
import microfactory.members.MemberService;

/**
 * Built units: a serial and a ledger entry when a unit's last task is done, an owner, and a lifetime record
 * (built, owners; service history comes with the lifetime feature).
 */
@Service
public class UnitRecords {

    private final ProductionRepository runs;
    private final MemberService members;
    private final LedgerService ledger;
    private final Clock clock;
    private final DesignService designs;
    private final ChapterSettings chapter;
    private final EquipmentService equipment;

    private final RunMaterials materials;
    private final UnitQualityControl quality;

    UnitRecords(ProductionRepository runs, MemberService members, LedgerService ledger, Clock clock, DesignService designs,
                ChapterSettings chapter, EquipmentService equipment, RunMaterials materials, UnitQualityControl quality) {
        this.quality = quality;
        this.materials = materials;
        this.equipment = equipment;
        this.designs = designs;
        this.chapter = chapter;
        this.runs = runs;
        this.members = members;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** When every task of the unit is done: its serial, a public ledger entry naming its builders, its record opened. */
    void completeIfBuilt(Run run, int unit) {
        List<RunTask> tasks = runs.tasks(run.id());
        boolean built = tasks.stream().filter(x -> x.unit() == unit).allMatch(x -> x.status() == TaskStatus.DONE);
        if (!built || runs.units(run.id()).stream().anyMatch(u -> u.unit() == unit)) {
            return;
        }
        DesignVersion version = designs.version(run.designSlug(), run.version());
        String serial = String.format("%s%s-%d-%02d", version.makesMaterial() ? "LOT-" : "", run.designSlug().toUpperCase().replaceAll("[^A-Z0-9]", ""),
                run.id(), unit);
        List<String> builders = tasks.stream().filter(x -> x.unit() == unit).flatMap(x -> x.people().stream()).distinct().sorted().toList();
        Long value = version.referencePriceMinor();
        List<ValueShares.Share> shares = value == null ? List.of()
                : ValueShares.split(value, ValueShares.minutesWorked(tasks.stream().filter(x -> x.unit() == unit).toList()));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serial);
        event.put("design", run.designSlug());
        event.put("version", run.version());
        event.put("run", run.id());
        event.put("builders", builders);
        if (value != null) { // the value it adds to the chapter's production, and whose it is: recomputable from the log
            event.put("valueMinor", value);
            event.put("currency", chapter.currency());
            event.put("shares", shares.stream().map(sh -> Map.of("member", sh.member(), "minutes", sh.minutes(),
                    "valueMinor", sh.valueMinor())).toList());
        }
        if (version.makesMaterial()) { // a lot of material, not a serial-numbered unit
            event.put("material", version.outputMaterial());
            event.put("quantity", version.outputQuantity().toPlainString());
        }
        long index = ledger.record(version.makesMaterial() ? "lot.produced" : "unit.produced", event);
        runs.insertUnit(run.id(), unit, serial, builders, clock.instant(), index, value, value == null ? null : chapter.currency());
        Unit made = runs.unit(serial).orElseThrow();
        shares.forEach(sh -> runs.insertShare(made.id(), sh));
        materials.unitBuilt(run.id(), serial, run.quantity() - runs.units(run.id()).size() + 1, null); // its share of the run's materials
        String story = "Built in run " + run.id() + " (" + run.designSlug() + " " + run.version() + ") by " + builders.size() + " people";
        if (version.makesMaterial()) {
            var lot = materials.lotProduced(run.id(), serial, version.outputMaterial(), version.outputQuantity(), null);
            story += ": " + lot.quantity().toPlainString() + " " + lot.unit() + " of " + lot.material() + " into stock"
                    + (lot.yield() == null ? "." : ", a yield of " + lot.yield().movePointRight(2).stripTrailingZeros().toPlainString() + " %.");
        } else {
            story += "; the chapter holds it until an owner is named.";
        }
        runs.lifetime(made.id(), clock.instant(), LifetimeKind.BUILT, story, index);
        if (runs.units(run.id()).size() == run.quantity()) {
            runs.setStatus(run.id(), RunStatus.COMPLETED);
        }
    }

    /** A unit's record: its run, owner and lifetime events (built, owners; service history comes with lifetime). */
    public UnitRecord unitRecord(String serial) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        String owner = unit.ownerId() == null ? null : members.get(unit.ownerId()).publicId();
        return new UnitRecord(unit, runs.run(unit.runId()).orElseThrow(), owner, runs.lifetime(unit.id()), quality.quality(serial));
    }

    /** Names a unit's owner (by pseudonym or email): a public ledger entry and a line in its lifetime record. */
    @Transactional
    public UnitRecord assignOwner(String serial, String member) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        if (runs.lifetime(unit.id()).stream().anyMatch(e -> e.kind() == LifetimeKind.END_OF_LIFE)) {
            throw new ConflictException("Unit " + serial + " has reached the end of its life: it has no new owner.");
        }
        if (member == null || member.isBlank()) {
            throw InvalidInputException.of("member", "name the new owner by pseudonym (m-…) or email");
        }
        Member owner = members.findByPublicId(member.strip()).or(() -> members.findByEmail(member.strip()))
                .orElseThrow(() -> InvalidInputException.of("member", "no member " + member.strip() + "; give a pseudonym (m-…) or an email"));
        if (owner.id() == (unit.ownerId() == null ? -1 : unit.ownerId())) {
            throw new ConflictException(serial + " is owned by " + owner.publicId() + " already.");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serial);
        event.put("owner", owner.publicId());
        long index = ledger.record("unit.owner", event);
        runs.setOwner(unit.id(), owner.id());
        runs.lifetime(unit.id(), clock.instant(), LifetimeKind.OWNER, "Now owned by " + owner.publicId() + ".", index);
        return unitRecord(serial);
    }

    /** A steward offers one of the chapter's own units in the showroom at a price (null takes it off). */
    @Transactional
    public UnitRecord offer(String serial, Long priceMinor) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        if (priceMinor != null && priceMinor <= 0) {
            throw InvalidInputException.of("priceMinor", "a price is a positive whole number of minor units of " + chapter.currency());
        }
        if (unit.soldAt() != null) {
            throw new ConflictException(serial + " was sold on " + unit.soldAt() + "; it is not the chapter's to offer.");
        }
        if (unit.ownerId() != null && priceMinor != null) {
            throw new ConflictException(serial + " is owned by " + members.get(unit.ownerId()).publicId()
                    + "; the showroom sells only the chapter's own units.");
        }
        runs.setOffer(unit.id(), priceMinor);
        return unitRecord(serial);
    }

    /**
     * Commissions one of the chapter's own units as a machine (a CEB press, a printer, a CNC table it built): the machine
     * keeps the unit's serial and the unit's lifetime record says where it serves.
     */
    @Transactional
    public Machine commission(String serial, MachineEdit machine) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        if (unit.ownerId() != null || unit.soldAt() != null) {
            throw new ConflictException(serial + " is not the chapter's: only its own units become its machines.");
        }
        if (unit.onOffer()) {
            runs.setOffer(unit.id(), null); // no longer for sale
        }
        Machine m = equipment.commission(machine, serial);
        runs.lifetime(unit.id(), clock.instant(), LifetimeKind.COMMISSIONED, "Serves the chapter as the machine " + m.code() + " (" + m.name()
                + ") in " + (m.bayCode() == null ? "no bay yet" : "bay " + m.bayCode()) + ".", null);
        return m;
    }

    /** The machine a unit serves as, if the chapter commissioned it. */
    public Optional<Machine> servesAs(String serial) {
        return equipment.machines().stream().filter(m -> serial.equals(m.unitSerial())).findFirst();
    }

    /** Units on offer in the showroom, newest first. */
    public List<Unit> showroom() {
        return runs.onOffer();
    }

    /**
     * Records a sale booked on the ledger at {@code ledgerIndex}: to a member (now its owner) or to a visitor (not
     * named). Called by billing, which books the money, in the same transaction.
     */
    @Transactional
    public void sold(String serial, Member buyer, long ledgerIndex) {
        Unit unit = runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
        if (!unit.onOffer()) {
            throw new ConflictException(serial + (unit.soldAt() != null ? " is sold already." : " is not on offer: offer it at a price first."));
        }
        runs.setSold(unit.id(), clock.instant(), buyer == null);
        if (buyer != null) {
            runs.setOwner(unit.id(), buyer.id());
        }
        runs.lifetime(unit.id(), clock.instant(), LifetimeKind.SOLD, "Sold from the showroom to " + (buyer == null ? "a visitor" : buyer.publicId())
                + " for " + Money.of(unit.offerPriceMinor(), chapter.currency()).formatted() + ".", ledgerIndex);
    }
}
