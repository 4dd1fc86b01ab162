package microfactory.equipment;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chapter's bays in JSON, public. */
@RestController
@RequestMapping("/api/v1/bays")
class BaysApi {

    private final EquipmentService equipment;

    BaysApi(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @GetMapping
    List<Bay> all() {
        return equipment.bays();
    }

    @GetMapping("/{code}")
    Bay get(@PathVariable String code) {
        return equipment.bay(code);
    }
}
