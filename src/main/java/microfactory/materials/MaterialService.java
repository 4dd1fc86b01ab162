package microfactory.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.designs.bom.Unit;
import microfactory.ledger.LedgerService;
import microfactory.ledger.PostingRequest;
import microfactory.ledger.TransferRequest;
import microfactory.members.MemberService;

/**
 * The chapter's materials: the catalogue, stock by location, and every move. Moves of one material are decided one at
 * a time (its row is locked), so stock never goes below zero and of two moves racing for the last stock one is refused.
 * A receipt with a cost is a purchase on the ledger (materials in stock, paid from the bank or another account).
 */
@Service
public class MaterialService {

    static final String STORE = "store";
    private static final String STOCK_ACCOUNT = "materials";

    private final MaterialRepository materials;
    private final LedgerService ledger;
    private final MemberService members;
    private final ChapterSettings chapter;
    private final Clock clock;

    MaterialService(MaterialRepository materials, LedgerService ledger, MemberService members, ChapterSettings chapter, Clock clock) {
        this.materials = materials;
        this.ledger = ledger;
        this.members = members;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** A new material in the catalogue (a steward). */
    @Transactional
    public Material create(String code, String name, String materialClass, String unit, BigDecimal reorderPoint, Long standardCostMinor,
                           Boolean recycled) {
        List<FieldProblem> problems = new ArrayList<>();
        String c = code == null ? "" : code.strip().toLowerCase();
        if (!c.matches("[a-z0-9][a-z0-9-]{0,59}")) {
            problems.add(new FieldProblem("code", "a short code of letters, digits and dashes, such as steel-tube-4x4"));
        } else if (c.equals("moves") || c.equals("flows")) {
            problems.add(new FieldProblem("code", "\"" + c + "\" names a page of its own: choose another code"));
        } else if (materials.find(c).isPresent()) {
            problems.add(new FieldProblem("code", "the catalogue has " + c + " already"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new FieldProblem("name", "what people call it, in at most 200 characters"));
        }
        Optional<MaterialClass> klass = MaterialClass.of(materialClass);
        if (klass.isEmpty()) {
            problems.add(new FieldProblem("materialClass", "one of steel, aluminium, concrete, earth, lumber, plastic, electronics, "
                    + "hydraulics, fasteners, other"));
        }
        Optional<Unit> u = unit == null || unit.isBlank() ? Optional.empty() : Unit.of(unit);
        if (u.isEmpty()) {
            problems.add(new FieldProblem("unit", "the unit it is counted in: " + Unit.allowed()));
        }
        if (reorderPoint != null && reorderPoint.signum() < 0) {
            problems.add(new FieldProblem("reorderPoint", "zero or more, in the material's unit"));
        }
        if (standardCostMinor != null && standardCostMinor < 0) {
            problems.add(new FieldProblem("standardCostMinor", "zero or more, in minor units of " + chapter.currency()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Material m = new Material(0, c, name.strip(), klass.get(), u.get().symbol(), reorderPoint == null ? BigDecimal.ZERO : reorderPoint,
                standardCostMinor, standardCostMinor == null ? null : chapter.currency(), Boolean.TRUE.equals(recycled));
        long id = materials.insert(m, clock.instant());
        return materials.find(id).orElseThrow();
    }

    public Material material(String code) {
        return materials.find(code == null ? "" : code.strip()).orElseThrow(() -> new NotFoundException("material", code));
    }

    Optional<Material> find(String code) {
        return materials.find(code);
    }

    Material material(long id) {
        return materials.find(id).orElseThrow();
    }

    public List<Material> catalogue() {
        return materials.all();
    }

    /** Every material with its stock, in one pass. */
    public List<MaterialStock> stock() {
        Map<Long, BigDecimal> onHand = materials.onHandAll();
        Map<Long, BigDecimal> reserved = materials.reservedAll();
        return materials.all().stream().map(m -> stock(m, onHand.getOrDefault(m.id(), BigDecimal.ZERO),
                reserved.getOrDefault(m.id(), BigDecimal.ZERO), null)).toList();
    }

    public MaterialStock stock(String code) {
        Material m = material(code);
        Map<String, BigDecimal> at = materials.stock(m.id());
        BigDecimal onHand = at.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return stock(m, onHand, materials.reservedAll().getOrDefault(m.id(), BigDecimal.ZERO), at);
    }

    private static MaterialStock stock(Material m, BigDecimal onHand, BigDecimal reserved, Map<String, BigDecimal> at) {
        BigDecimal available = onHand.subtract(reserved);
        return new MaterialStock(m, onHand.stripTrailingZeros(), reserved.stripTrailingZeros(), available.stripTrailingZeros(),
                at == null ? Map.of() : at, m.reorderPoint().signum() > 0 && available.compareTo(m.reorderPoint()) < 0);
    }

    /**
     * Records a move. Nothing is written unless the whole move holds: a quantity that is not positive, a unit of
     * another dimension, more out than the location holds, a material that does not exist — each refused with why.
     */
    @Transactional
    public Move move(MoveRequest r, Long memberId) {
        List<FieldProblem> problems = new ArrayList<>();
        MoveKind kind = MoveKind.of(r.kind()).orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "one of receipt, issue, return, scrap, recycle, produce, count"));
        }
        if (r.material() == null || r.material().isBlank()) {
            problems.add(new FieldProblem("material", "the material's code"));
        }
        if (r.quantity() == null || (kind == MoveKind.COUNT ? r.quantity().signum() < 0 : r.quantity().signum() <= 0)) {
            problems.add(new FieldProblem("quantity", kind == MoveKind.COUNT ? "the quantity counted, zero or more" : "a positive quantity"));
        }
        if (r.costMinor() != null && r.costMinor() < 0) {
            problems.add(new FieldProblem("costMinor", "the total paid, zero or more, in minor units"));
        }
        if (r.costMinor() != null && kind != MoveKind.RECEIPT) {
            problems.add(new FieldProblem("costMinor", "only a receipt carries a cost"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Material m = material(r.material());
        BigDecimal quantity = inUnitOf(m, r.quantity(), r.unit(), "unit");
        String location = r.location() == null || r.location().isBlank() ? null : r.location().strip();
        if (location != null && location.length() > 60) {
            throw InvalidInputException.of("location", "at most 60 characters");
        }
        Material input = null;
        BigDecimal inputQuantity = null;
        if (kind == MoveKind.RECYCLE || kind == MoveKind.PRODUCE) {
            if (r.inputMaterial() != null && !r.inputMaterial().isBlank()) {
                input = materials.find(r.inputMaterial().strip()).orElseThrow(() -> InvalidInputException.of("inputMaterial",
                        "no material " + r.inputMaterial().strip() + " in the catalogue"));
            }
            if (r.inputQuantity() != null) {
                if (r.inputQuantity().signum() <= 0) {
                    throw InvalidInputException.of("inputQuantity", "what went in, a positive quantity");
                }
                inputQuantity = r.inputQuantity();
                if (inputQuantity.compareTo(quantity) < 0 && input != null && input.unit().equals(m.unit())) {
                    throw InvalidInputException.of("inputQuantity", "less went in than came out: the yield cannot be above 100 %");
                }
            }
        }
        if (kind == MoveKind.RECYCLE && !m.recycled()) {
            throw InvalidInputException.of("material", m.code() + " is not recycled stock: recycle into a material marked recycled");
        }
        materials.lock(m.id());
        if (location == null) {
            location = kind.sign() < 0 ? materials.locationsByQuantity(m.id()).stream().findFirst().orElse(STORE) : STORE;
        }
        BigDecimal there = materials.onHand(m.id(), location);
        BigDecimal after = switch (kind.sign()) {
            case 1 -> there.add(quantity);
            case -1 -> there.subtract(quantity);
            default -> quantity;
        };
        if (after.signum() < 0) {
            throw new ConflictException("Only " + there.stripTrailingZeros().toPlainString() + " " + m.unit() + " of " + m.code() + " at "
                    + location + ": " + quantity.stripTrailingZeros().toPlainString() + " cannot be taken. Count it, or take it from "
                    + "another location.");
        }
        materials.setStock(m.id(), location, after);
        Long cost = r.costMinor();
        long id = materials.insertMove(new MaterialRepository.NewMove(m.id(), kind, quantity, location, clock.instant(), memberId, r.run(),
                blank(r.unitSerial()), cost, cost == null ? null : chapter.currency(), input == null ? null : input.id(), inputQuantity,
                blank(r.note())));
        if (cost != null && cost > 0) {
            String transfer = "material-receipt-" + id;
            String from = r.paidFrom() == null || r.paidFrom().isBlank() ? "bank" : r.paidFrom().strip();
            try {
                ledger.transfer(TransferRequest.of(transfer, "purchase", m.name() + ": " + quantity.stripTrailingZeros().toPlainString() + " "
                        + m.unit() + (r.note() == null || r.note().isBlank() ? "" : " (" + r.note().strip() + ")"),
                        PostingRequest.debit(STOCK_ACCOUNT, cost, chapter.currency()), PostingRequest.credit(from, cost, chapter.currency())));
            } catch (NotFoundException | InvalidInputException e) {
                throw new ConflictException("The purchase cannot be booked: the ledger needs '" + STOCK_ACCOUNT + "' and '" + from
                        + "' accounts in " + chapter.currency() + " (" + e.getMessage() + "). A steward opens them at /ledger.");
            }
            materials.setTransfer(id, transfer);
        }
        return named(materials.move(id).orElseThrow());
    }

    /** A quantity in the material's own unit: the same unit, or one of its dimension converted (lb for kg, ft for m). */
    BigDecimal inUnitOf(Material m, BigDecimal quantity, String unit, String field) {
        if (unit == null || unit.isBlank()) {
            return quantity;
        }
        Unit from = Unit.of(unit).orElseThrow(() -> InvalidInputException.of(field, "a unit such as " + m.unit() + ": " + Unit.allowed()));
        Unit to = Unit.of(m.unit()).orElseThrow();
        if (!from.dimension().equals(to.dimension())) {
            throw InvalidInputException.of(field, m.code() + " is counted in " + m.unit() + " (" + to.dimension() + "), not in " + from.symbol()
                    + " (" + from.dimension() + ")");
        }
        return from.symbol().equals(to.symbol()) ? quantity
                : quantity.multiply(from.toBase()).divide(to.toBase(), 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** Moves in [from, to), of one material or all, newest first (at most 500). */
    public List<Move> moves(String material, Instant from, Instant to) {
        Long id = material == null || material.isBlank() ? null : material(material).id();
        return materials.moves(id, from, to, 500).stream().map(this::named).toList();
    }

    private Move named(MaterialRepository.MoveRow row) {
        Move v = row.move();
        String by = row.memberId() == null ? null : members.get(row.memberId()).publicId();
        return new Move(v.id(), v.material(), v.kind(), v.quantity(), v.unit(), v.location(), v.at(), by, v.run(), v.unitSerial(),
                v.costMinor(), v.currency(), v.inputMaterial(), v.inputQuantity(), v.note(), v.ledgerTransfer());
    }

    /** An amount as typed in the chapter's currency ("1,250.00") as its minor units (cents for USD, yen for JPY); null when blank. */
    Long toMinor(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return Money.parseMinor(typed, chapter.currency()).filter(m -> m >= 0).orElseThrow(() -> InvalidInputException.of(field,
                "an amount in " + chapter.currency() + " such as 1250.00"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
