package microfactory.production;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import microfactory.equipment.Machine;
import microfactory.equipment.MachineEdit;

/** Built units by serial: their lifetime record is public; stewards name owners. */
@RestController
@RequestMapping("/api/v1/units")
class UnitsApi {

    private final UnitRecords units;

    UnitsApi(UnitRecords units) {
        this.units = units;
    }

    record Owner(String member) {
    }

    record Offer(Long priceMinor) {
    }

    @GetMapping("/{serial}")
    UnitRecord unit(@PathVariable String serial) {
        return units.unitRecord(serial);
    }

    @PutMapping("/{serial}/owner")
    UnitRecord owner(@PathVariable String serial, @RequestBody Owner owner) {
        return units.assignOwner(serial, owner.member());
    }

    @PutMapping("/{serial}/offer")
    UnitRecord offer(@PathVariable String serial, @RequestBody Offer offer) {
        return units.offer(serial, offer.priceMinor());
    }

    /** Commissions one of the chapter's units as a machine (a steward): the body is the machine as for POST /api/v1/equipment/machines. */
    @PostMapping("/{serial}/commission")
    ResponseEntity<Machine> commission(@PathVariable String serial, @RequestBody MachineEdit machine) {
        Machine m = units.commission(serial, machine);
        return ResponseEntity.created(URI.create("/api/v1/equipment/machines/" + m.code())).body(m);
    }

    /** The showroom: units the chapter sells, with their prices; public. */
    @GetMapping(path = "/showroom")
    List<Unit> showroom() {
        return units.showroom();
    }
}
