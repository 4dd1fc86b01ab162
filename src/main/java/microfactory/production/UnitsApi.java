package microfactory.production;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.equipment.Machine;
import microfactory.members.MemberPrincipal;
import microfactory.equipment.MachineEdit;

/** Built units by serial: their lifetime record is public; stewards name owners. */
@RestController
@RequestMapping("/api/v1/units")
class UnitsApi {

    private final UnitRecords units;
    private final UnitQualityControl quality;
    private final UnitLifetime lifetime;

    UnitsApi(UnitRecords units, UnitQualityControl quality, UnitLifetime lifetime) {
        this.units = units;
        this.quality = quality;
        this.lifetime = lifetime;
    }

    /** A lifetime event (a steward): service, repair, upgrade, transfer or end-of-life; a ledger event by pseudonym. */
    @PostMapping("/{serial}/events")
    ResponseEntity<UnitRecord> event(@PathVariable String serial, @RequestBody UnitLifetime.EventRequest r,
                                     @AuthenticationPrincipal MemberPrincipal me) {
        return ResponseEntity.created(URI.create("/api/v1/units/" + serial)).body(lifetime.record(serial, me.memberId(), r));
    }

    record ServiceAsk(String what) {
    }

    record Booking(Instant when, String note) {
    }

    /** The owner asks for service of their unit. */
    @PostMapping("/{serial}/service-requests")
    ResponseEntity<ServiceRequest> askForService(@PathVariable String serial, @RequestBody ServiceAsk ask, @AuthenticationPrincipal MemberPrincipal me) {
        ServiceRequest r = lifetime.requestService(serial, me.memberId(), me.isSteward(), ask.what());
        return ResponseEntity.created(URI.create("/api/v1/units/service-requests")).body(r);
    }

    /** Requests not done yet (owners by pseudonym). */
    @GetMapping("/service-requests")
    List<ServiceRequest> serviceRequests() {
        return lifetime.openRequests();
    }

    /** A steward books a request for a time; the owner is told. */
    @PostMapping("/service-requests/{id}/book")
    ServiceRequest book(@PathVariable long id, @RequestBody Booking b) {
        return lifetime.book(id, b.when(), b.note());
    }

    /** When each unit's next service is due, soonest first. */
    @GetMapping("/service-due")
    List<ServiceDue> serviceDue() {
        return lifetime.due();
    }

    record InspectionRequest(Boolean passed, String note) {
    }

    /** A unit's quality record: its tasks' checks, the final inspection, and whether it passes. */
    @GetMapping("/{serial}/quality")
    UnitQuality quality(@PathVariable String serial) {
        return quality.quality(serial);
    }

    /** The final inspection: a member holding the chapter's quality badge signs it; it goes on the ledger. */
    @PostMapping("/{serial}/inspection")
    UnitQuality inspect(@PathVariable String serial, @RequestBody InspectionRequest r, @AuthenticationPrincipal MemberPrincipal me) {
        return quality.inspect(serial, me.memberId(), r.passed(), r.note());
    }

    /** Quality control of every unit built of a design: units by status and each task's pass rate. */
    @GetMapping("/quality")
    DesignQuality ofDesign(@RequestParam String design) {
        return quality.ofDesign(design);
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
