package microfactory.equipment;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.InvalidInputException;

/** The chapter's bays and machines in JSON: public to read; stewards add, change and remove them. */
@RestController
@RequestMapping("/api/v1/equipment")
class BaysApi {

    private final EquipmentService equipment;

    BaysApi(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @GetMapping("/bays")
    List<Bay> all() {
        return equipment.bays();
    }

    @GetMapping("/bays/{code}")
    Bay get(@PathVariable String code) {
        return equipment.bay(code);
    }

    @PostMapping("/bays")
    ResponseEntity<Bay> addBay(@RequestBody BayEdit edit) {
        Bay bay = equipment.addBay(edit);
        return ResponseEntity.created(URI.create("/api/v1/equipment/bays/" + bay.code())).body(bay);
    }

    @PutMapping("/bays/{code}")
    Bay updateBay(@PathVariable String code, @RequestBody BayEdit edit) {
        return equipment.updateBay(code, edit);
    }

    @DeleteMapping("/bays/{code}")
    ResponseEntity<Void> removeBay(@PathVariable String code) {
        equipment.removeBay(code);
        return ResponseEntity.noContent().build();
    }

    /** A machine's status change: out of service needs a reason. */
    record Status(Boolean inService, String reason) {
    }

    @GetMapping("/machines")
    List<Machine> machines() {
        return equipment.machines();
    }

    @GetMapping("/machines/{code}")
    Machine machine(@PathVariable String code) {
        return equipment.machine(code);
    }

    @PostMapping("/machines")
    ResponseEntity<Machine> addMachine(@RequestBody MachineEdit edit) {
        Machine machine = equipment.addMachine(edit);
        return ResponseEntity.created(URI.create("/api/v1/equipment/machines/" + machine.code())).body(machine);
    }

    @PutMapping("/machines/{code}")
    Machine updateMachine(@PathVariable String code, @RequestBody MachineEdit edit) {
        return equipment.updateMachine(code, edit);
    }

    @DeleteMapping("/machines/{code}")
    ResponseEntity<Void> removeMachine(@PathVariable String code) {
        equipment.removeMachine(code);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/machines/{code}/status")
    Machine status(@PathVariable String code, @RequestBody Status s) {
        if (s.inService() == null) {
            throw InvalidInputException.of("inService", "say true (in service) or false (out of service)");
        }
        return equipment.setStatus(code, s.inService(), s.reason());
    }
}
