package microfactory.production;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.DesignService;
import microfactory.designs.DesignVersion;
import microfactory.designs.bom.Bom;
import microfactory.ledger.LedgerService;
import microfactory.materials.MaterialService;
import microfactory.materials.MoveKind;
import microfactory.materials.MoveRequest;
import microfactory.members.MemberMail;
import microfactory.members.MemberService;

/**
 * The life of a unit after it is built: service, repair (materials issued from stock), upgrade to a newer version of
 * its design (what changed, from the BOM difference), a new owner, and its end of life (what disassembly returns goes
 * back into stock as recycled material). Each event is a public ledger event by pseudonym; after the end of life
 * nothing more happens to a unit. Owners ask for service; stewards book it; service falls due by the design's interval.
 */
@Component
class UnitLifetime {

    /** Material used or recovered in an event: quantity in the material's unit (or another of its dimension). */
    record MaterialUse(String material, BigDecimal quantity, String unit) {
    }

    /** An event as a steward records it; {@code version} for an upgrade, {@code owner} for a transfer, {@code request} closes one. */
    record EventRequest(String kind, String note, String version, String owner, List<MaterialUse> materials, Long request) {
    }

    private final ProductionRepository runs;
    private final UnitRecords units;
    private final DesignService designs;
    private final MaterialService materials;
    private final MemberService members;
    private final MemberMail mail;
    private final LedgerService ledger;
    private final ChapterSettings chapter;
    private final Clock clock;

    UnitLifetime(ProductionRepository runs, UnitRecords units, DesignService designs, MaterialService materials, MemberService members,
                 MemberMail mail, LedgerService ledger, ChapterSettings chapter, Clock clock) {
        this.runs = runs;
        this.units = units;
        this.designs = designs;
        this.materials = materials;
        this.members = members;
        this.mail = mail;
        this.ledger = ledger;
        this.chapter = chapter;
        this.clock = clock;
    }

    private Unit unit(String serial) {
        return runs.unit(serial).orElseThrow(() -> new NotFoundException("unit", serial));
    }

    private void requireAlive(Unit unit) {
        if (ended(unit)) {
            throw new ConflictException("Unit " + unit.serial() + " has reached the end of its life: nothing more is recorded on it.");
        }
    }

    boolean ended(Unit unit) {
        return runs.lifetime(unit.id()).stream().anyMatch(e -> e.kind() == LifetimeKind.END_OF_LIFE);
    }

    /** The design version a unit is now: the one it was upgraded to, else the one it was built to. */
    String versionOf(Unit unit) {
        return unit.upgradedTo() != null ? unit.upgradedTo() : runs.run(unit.runId()).orElseThrow().version();
    }

    /** Records an event on a unit (a steward); nothing is written unless all of it holds. */
    @Transactional
    UnitRecord record(String serial, long actorId, EventRequest r) {
        Unit unit = unit(serial);
        LifetimeKind kind = kind(r.kind());
        requireAlive(unit);
        if (kind == LifetimeKind.OWNER) {
            return units.assignOwner(serial, r.owner());
        }
        String note = r.note() == null ? "" : r.note().strip();
        if (note.isEmpty() || note.length() > 1000) {
            throw InvalidInputException.of("note", "say what was done, in at most 1,000 characters");
        }
        Run run = runs.run(unit.runId()).orElseThrow();
        String by = members.get(actorId).publicId();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serial);
        event.put("by", by);
        event.put("note", note);
        String message = note;
        if (kind == LifetimeKind.UPGRADE) {
            String from = versionOf(unit);
            String to = r.version() == null ? "" : r.version().strip();
            DesignVersion target = designs.versions(run.designSlug()).stream().filter(v -> v.label().equals(to)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("version", "a version of " + run.designSlug() + " such as "
                            + designs.view(run.designSlug()).version().label()));
            if (target.label().equals(from)) {
                throw InvalidInputException.of("version", "the unit is " + from + " already");
            }
            String changes = bomDifference(run.designSlug(), from, to);
            event.put("from", from);
            event.put("to", to);
            event.put("changes", changes);
            runs.setUnitVersion(unit.id(), to);
            message = "Upgraded from " + from + " to " + to + " (" + changes + "): " + note;
        }
        List<Map<String, Object>> used = new ArrayList<>();
        for (MaterialUse m : r.materials() == null ? List.<MaterialUse>of() : r.materials()) {
            if (m == null || m.material() == null) {
                throw InvalidInputException.of("materials", "each material names its code and quantity");
            }
            MoveKind move = kind == LifetimeKind.END_OF_LIFE ? MoveKind.RECYCLE : MoveKind.ISSUE;
            var done = materials.move(new MoveRequest(m.material(), move.name(), m.quantity(), m.unit(), null, null, null, null, serial,
                    null, null, (kind == LifetimeKind.END_OF_LIFE ? "recovered from " : "used on ") + serial), actorId);
            used.add(Map.of("material", done.material(), "quantity", done.quantity().toPlainString(), "unit", done.unit()));
        }
        if (!used.isEmpty()) {
            event.put(kind == LifetimeKind.END_OF_LIFE ? "recovered" : "materials", used);
            message += (kind == LifetimeKind.END_OF_LIFE ? " Recovered: " : " Materials: ") + used.stream()
                    .map(u -> u.get("quantity") + " " + u.get("unit") + " " + u.get("material")).reduce((a, b) -> a + ", " + b).orElse("") + ".";
        }
        if (r.request() != null) {
            ProductionRepository.ServiceRow request = runs.serviceRequest(r.request()).filter(q -> q.unitId() == unit.id())
                    .orElseThrow(() -> InvalidInputException.of("request", "no service request " + r.request() + " of " + serial));
            runs.serviceDone(request.id(), clock.instant());
            event.put("request", request.id());
        }
        long index = ledger.record("unit." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), event);
        runs.lifetime(unit.id(), clock.instant(), kind, message, index);
        return units.unitRecord(serial);
    }

    private static LifetimeKind kind(String text) {
        String k = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (k) {
            case "SERVICE" -> LifetimeKind.SERVICE;
            case "REPAIR" -> LifetimeKind.REPAIR;
            case "UPGRADE" -> LifetimeKind.UPGRADE;
            case "TRANSFER", "OWNER" -> LifetimeKind.OWNER;
            case "END_OF_LIFE", "RECYCLE", "RECYCLED" -> LifetimeKind.END_OF_LIFE;
            default -> throw InvalidInputException.of("kind", "one of service, repair, upgrade, transfer, end-of-life");
        };
    }

    /** What changed between two versions' BOMs: parts added, removed, and quantities changed. */
    String bomDifference(String design, String from, String to) {
        Map<String, BigDecimal> before = flat(designs.view(design, from).bom());
        Map<String, BigDecimal> after = flat(designs.view(design, to).bom());
        List<String> changes = new ArrayList<>();
        after.forEach((part, q) -> {
            BigDecimal was = before.get(part);
            if (was == null) {
                changes.add("added " + part + " × " + q.toPlainString());
            } else if (was.compareTo(q) != 0) {
                changes.add(part + " " + was.toPlainString() + " → " + q.toPlainString());
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(p -> changes.add("removed " + p));
        return changes.isEmpty() ? "same parts" : String.join("; ", changes);
    }

    private static Map<String, BigDecimal> flat(Bom bom) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        bom.flat().forEach(t -> parts.put(t.part(), t.quantity()));
        return parts;
    }

    /** An owner asks for service of their unit. */
    @Transactional
    ServiceRequest requestService(String serial, long memberId, boolean steward, String what) {
        Unit unit = unit(serial);
        if (!steward && (unit.ownerId() == null || unit.ownerId() != memberId)) {
            throw new ForbiddenException("Only the unit's owner (or a steward) asks for its service.");
        }
        requireAlive(unit);
        String text = what == null ? "" : what.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw InvalidInputException.of("what", "say what needs service, in at most 1,000 characters");
        }
        long id = runs.insertServiceRequest(unit.id(), unit.ownerId() == null ? memberId : unit.ownerId(), text, clock.instant());
        return request(runs.serviceRequest(id).orElseThrow());
    }

    /** A steward books a request as a job: when, and a note for the owner, who is told by mail. */
    @Transactional
    ServiceRequest book(long requestId, Instant when, String note) {
        ProductionRepository.ServiceRow r = runs.serviceRequest(requestId).orElseThrow(() -> new NotFoundException("service request", requestId));
        if (r.status() == ServiceStatus.DONE) {
            throw new ConflictException("Service request " + requestId + " is done already.");
        }
        if (when == null || when.isBefore(clock.instant().minusSeconds(3600))) {
            throw InvalidInputException.of("when", "when the service is booked, not in the past, such as 2026-12-10T14:00:00Z");
        }
        String text = note == null ? "" : note.strip();
        runs.bookService(requestId, when, text.length() > 1000 ? text.substring(0, 1000) : text);
        ServiceRequest booked = request(runs.serviceRequest(requestId).orElseThrow());
        mail.tell(r.memberId(), "Service of " + booked.serial() + " is booked", "Your request (\"" + r.what() + "\") is booked for "
                + when.atZone(chapter.zone()).toLocalDateTime().toString().replace('T', ' ') + " (" + chapter.zone().getId() + ")"
                + (text.isEmpty() ? "." : ": " + text) + "\n");
        return booked;
    }

    List<ServiceRequest> openRequests() {
        return runs.openServiceRequests(null).stream().map(this::request).toList();
    }

    List<ServiceRequest> requestsOf(String serial) {
        return runs.serviceRequestsOf(unit(serial).id()).stream().map(this::request).toList();
    }

    private ServiceRequest request(ProductionRepository.ServiceRow r) {
        String serial = runs.unit(r.unitId()).orElseThrow().serial();
        return new ServiceRequest(r.id(), serial, members.get(r.memberId()).publicId(), r.what(), r.status(), r.bookedFor(), r.bookingNote(),
                r.createdAt(), r.doneAt());
    }

    /** Every living unit whose design version has a service interval: when its next service is due. */
    List<ServiceDue> due() {
        ZoneId zone = chapter.zone();
        LocalDate today = chapter.today(clock);
        List<ServiceDue> all = new ArrayList<>();
        Map<String, List<DesignVersion>> versions = new LinkedHashMap<>(); // each design's versions read once
        for (Unit u : runs.allUnits()) {
            Run run = runs.run(u.runId()).orElseThrow();
            Integer months = versions.computeIfAbsent(run.designSlug(), designs::versions).stream().filter(v -> v.label().equals(versionOf(u))).findFirst()
                    .map(DesignVersion::serviceMonths).orElse(null);
            List<LifetimeEvent> life = runs.lifetime(u.id());
            if (months == null || life.stream().anyMatch(e -> e.kind() == LifetimeKind.END_OF_LIFE)) {
                continue;
            }
            Instant last = life.stream().filter(e -> e.kind() == LifetimeKind.SERVICE || e.kind() == LifetimeKind.BUILT)
                    .map(LifetimeEvent::at).max(Instant::compareTo).orElse(u.completedAt());
            LocalDate dueOn = LocalDate.ofInstant(last, zone).plusMonths(months);
            all.add(new ServiceDue(u.serial(), run.designSlug(), u.ownerId() == null ? null : members.get(u.ownerId()).publicId(), dueOn,
                    dueOn.isBefore(today)));
        }
        all.sort((a, b) -> a.dueOn().compareTo(b.dueOn()));
        return all;
    }

    /** Mails each owner once when their unit's service falls due within a week; returns how many were told. */
    @Transactional
    int remindDue() {
        LocalDate soon = chapter.today(clock).plusDays(7);
        int told = 0;
        for (ServiceDue d : due()) {
            Unit u = unit(d.serial());
            if (u.ownerId() != null && !d.dueOn().isAfter(soon) && runs.remind(u.id(), d.dueOn(), clock.instant())) {
                mail.tell(u.ownerId(), "Service of " + d.serial() + " is due", "Your " + d.design() + " (" + d.serial() + ") is due for "
                        + "service on " + d.dueOn() + ". Ask for it on the unit's page, and the chapter books a time.\n");
                told++;
            }
        }
        return told;
    }
}
