package microfactory.equipment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;

/**
 * The factory floor: bays and machines, their status, and the changes stewards make to them. Something still in use
 * (a bay with machines or a planned build, a machine a scheduled build needs) is not removed; the refusal says what
 * uses it.
 */
@Service
public class EquipmentService {

    private final BayRepository bays;
    private final ApplicationEventPublisher events;
    private final List<EquipmentUses> uses;
    private final AuditLog audit;
    private final Validator validator;

    EquipmentService(BayRepository bays, ApplicationEventPublisher events, List<EquipmentUses> uses, AuditLog audit,
                     Validator validator) {
        this.bays = bays;
        this.events = events;
        this.uses = uses;
        this.audit = audit;
        this.validator = validator;
    }

    public List<Bay> bays() {
        return bays.all();
    }

    public Bay bay(String code) {
        return bays.findByCode(code).orElseThrow(() -> new NotFoundException("bay", code));
    }

    public List<Machine> machines() {
        return bays.machines();
    }

    public Machine machine(String code) {
        return bays.machine(code).orElseThrow(() -> new NotFoundException("machine", code));
    }

    /** Machines in service by type: what a schedule may use. */
    public Map<String, Integer> inServiceByType() {
        Map<String, Integer> byType = new TreeMap<>();
        machines().stream().filter(Machine::inService).forEach(m -> byType.merge(m.type(), m.count(), Integer::sum));
        return byType;
    }

    @Transactional
    public Bay addBay(BayEdit edit) {
        BayEdit b = checked(edit);
        if (bays.findByCode(b.code()).isPresent()) {
            throw InvalidInputException.of("code", "a bay with code '" + b.code() + "' exists already");
        }
        bays.insert(b.code(), b.name(), b.kind(), b.areaM2(), b.description());
        Bay added = bay(b.code());
        audit.record(AuditAction.BAY_ADDED, added.code(), null, added);
        return added;
    }

    /** Changes a bay's name, kind, area or description; its code stays (machines and runs name it). */
    @Transactional
    public Bay updateBay(String code, BayEdit edit) {
        Bay before = bay(code);
        BayEdit b = checked(new BayEdit(code, edit.name(), edit.kind(), edit.areaM2(), edit.description()));
        bays.update(code, b.name(), b.kind(), b.areaM2(), b.description());
        Bay after = bay(code);
        audit.record(AuditAction.BAY_CHANGED, code, before, after);
        return after;
    }

    @Transactional
    public void removeBay(String code) {
        Bay before = bay(code);
        List<String> inUse = new ArrayList<>();
        machines().stream().filter(m -> code.equals(m.bayCode()))
                .forEach(m -> inUse.add("the machine '" + m.name() + "' (" + m.code() + ") stands in it"));
        uses.forEach(u -> inUse.addAll(u.usesOfBay(code)));
        if (!inUse.isEmpty()) {
            throw new ConflictException("The bay " + code + " is in use and was not removed: " + String.join("; ", inUse)
                    + ". Move or remove those first.");
        }
        bays.delete(code);
        audit.record(AuditAction.BAY_REMOVED, code, before, null);
    }

    @Transactional
    public Machine addMachine(MachineEdit edit) {
        MachineEdit m = checked(edit);
        if (bays.machine(m.code()).isPresent()) {
            throw InvalidInputException.of("code", "a machine with code '" + m.code() + "' exists already");
        }
        bays.insertMachine(m);
        Machine added = machine(m.code());
        audit.record(AuditAction.MACHINE_ADDED, added.code(), null, added);
        return added;
    }

    /**
     * Commissions a unit the chapter built as one of its machines: the machine keeps the unit's serial, so its page links to
     * how it was built (called by production, which records it in the unit's lifetime).
     */
    @Transactional
    public Machine commission(MachineEdit edit, String unitSerial) {
        if (machines().stream().anyMatch(m -> unitSerial.equals(m.unitSerial()))) {
            throw new ConflictException(unitSerial + " is one of the chapter's machines already.");
        }
        Machine added = addMachine(edit);
        bays.setUnitSerial(added.code(), unitSerial);
        return machine(added.code());
    }

    /** Changes a machine; its code stays. Its status changes through {@link #setStatus}. */
    @Transactional
    public Machine updateMachine(String code, MachineEdit edit) {
        Machine before = machine(code);
        MachineEdit m = checked(new MachineEdit(code, edit.name(), edit.type(), edit.bayCode(), edit.count(), edit.skill(),
                edit.level(), edit.hourlyRateMinor()));
        bays.updateMachine(m);
        Machine after = machine(code);
        audit.record(AuditAction.MACHINE_CHANGED, code, before, after);
        return after;
    }

    @Transactional
    public void removeMachine(String code) {
        Machine before = machine(code);
        List<String> inUse = new ArrayList<>();
        uses.forEach(u -> inUse.addAll(u.usesOfMachine(before)));
        if (!inUse.isEmpty()) {
            throw new ConflictException("The machine " + code + " is in use and was not removed: " + String.join("; ", inUse)
                    + ". Take it out of service instead, or remove it when that is over.");
        }
        bays.deleteMachine(code);
        audit.record(AuditAction.MACHINE_REMOVED, code, before, null);
    }

    /** Takes a machine out of service (a reason is required, people need to know why) or back in. */
    @Transactional
    public Machine setStatus(String code, boolean inService, String reason) {
        Machine before = machine(code);
        if (!inService && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of("reason", "say why the machine is out of service");
        }
        bays.setStatus(code, inService, inService ? "" : reason.strip());
        Machine after = machine(code);
        if (before.inService() != inService) {
            audit.record(AuditAction.MACHINE_STATUS_CHANGED, code, before, after);
            events.publishEvent(new MachineStatusChanged(after, before.inService()));
        }
        return after;
    }

    private BayEdit checked(BayEdit b) {
        throwIfAny(problems(b));
        return new BayEdit(b.code().strip(), b.name().strip(), b.kind().strip(), b.areaM2(),
                b.description() == null ? "" : b.description().strip());
    }

    private MachineEdit checked(MachineEdit m) {
        List<FieldProblem> problems = problems(m);
        String bay = m.bayCode() == null || m.bayCode().isBlank() ? null : m.bayCode().strip();
        if (bay != null && bays.findByCode(bay).isEmpty()) {
            problems.add(new FieldProblem("bayCode", "there is no bay '" + bay + "'; choose one of "
                    + bays().stream().map(Bay::code).toList() + ", or none"));
        }
        throwIfAny(problems);
        return new MachineEdit(m.code().strip(), m.name().strip(), m.type().strip(), bay, m.count(), m.skill().strip(),
                m.level(), m.hourlyRateMinor());
    }

    private <T> List<FieldProblem> problems(T value) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(value).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        return problems;
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
