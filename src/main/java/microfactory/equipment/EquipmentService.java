package microfactory.equipment;

import java.util.List;

import org.springframework.stereotype.Service;

import microfactory.common.NotFoundException;

/** The factory floor: bays now; machines, status and maintenance come with the production issue. */
@Service
public class EquipmentService {

    private final BayRepository bays;
    private final org.springframework.context.ApplicationEventPublisher events;

    EquipmentService(BayRepository bays, org.springframework.context.ApplicationEventPublisher events) {
        this.bays = bays;
        this.events = events;
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
    public java.util.Map<String, Integer> inServiceByType() {
        java.util.Map<String, Integer> byType = new java.util.TreeMap<>();
        machines().stream().filter(Machine::inService).forEach(m -> byType.merge(m.type(), m.count(), Integer::sum));
        return byType;
    }

    /** Takes a machine out of service (a reason is required, people need to know why) or back in. */
    @org.springframework.transaction.annotation.Transactional
    public Machine setStatus(String code, boolean inService, String reason) {
        Machine before = machine(code);
        if (!inService && (reason == null || reason.isBlank())) {
            throw microfactory.common.InvalidInputException.of("reason", "say why the machine is out of service");
        }
        bays.setStatus(code, inService, inService ? "" : reason.strip());
        Machine after = machine(code);
        if (before.inService() != inService) {
            events.publishEvent(new MachineStatusChanged(after, before.inService()));
        }
        return after;
    }

    void addMachine(String code, String name, String type, int count, String bay, String skill, int level) {
        bays.insertMachine(code, name, type, count, bay, skill, level);
    }

    void addBay(String code, String name, String kind, int areaM2, String description) {
        bays.insert(code, name, kind, areaM2, description);
    }
}
