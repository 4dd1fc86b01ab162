package microfactory.equipment;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chapter's bays in JSON, public. */
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

    @org.springframework.web.bind.annotation.PutMapping("/machines/{code}/status")
    Machine status(@PathVariable String code, @org.springframework.web.bind.annotation.RequestBody Status s) {
        if (s.inService() == null) {
            throw microfactory.common.InvalidInputException.of("inService", "say true (in service) or false (out of service)");
        }
        return equipment.setStatus(code, s.inService(), s.reason());
    }
}
