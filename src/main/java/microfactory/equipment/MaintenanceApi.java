package microfactory.equipment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import microfactory.members.MemberPrincipal;

/** Maintenance plans, what is due, and the log: public to read; stewards add plans and record maintenance. */
@RestController
class MaintenanceApi {

    private final MachineMaintenance maintenance;

    MaintenanceApi(MachineMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    record NewPlan(String task, Integer everyHours, Integer everyDays, String skill, Integer level) {
    }

    /** Maintenance done or scheduled; {@code plan} the plan it fulfils, if any. Recorded as done by the caller. */
    record Done(Long plan, String what, String parts, Instant downFrom, Instant downUntil) {
    }

    @GetMapping("/api/v1/equipment/maintenance/due")
    List<MaintenanceDue> due() {
        return maintenance.due().stream().filter(MaintenanceDue::due).toList();
    }

    @GetMapping("/api/v1/equipment/machines/{code}/maintenance")
    List<MaintenanceRecord> log(@PathVariable String code) {
        return maintenance.log(code);
    }

    @GetMapping("/api/v1/equipment/machines/{code}/maintenance-plans")
    List<MaintenancePlan> plans(@PathVariable String code) {
        return maintenance.plans(code);
    }

    @PostMapping("/api/v1/equipment/machines/{code}/maintenance-plans")
    ResponseEntity<MaintenancePlan> addPlan(@PathVariable String code, @RequestBody NewPlan p) {
        MaintenancePlan plan = maintenance.addPlan(code, p.task(), p.everyHours(), p.everyDays(), p.skill(), p.level());
        return ResponseEntity.created(URI.create("/api/v1/equipment/machines/" + code + "/maintenance-plans")).body(plan);
    }

    @PostMapping("/api/v1/equipment/machines/{code}/maintenance")
    ResponseEntity<MaintenanceRecord> record(@PathVariable String code, @RequestBody Done d, @AuthenticationPrincipal MemberPrincipal me) {
        MaintenanceRecord r = maintenance.record(code, me.memberId(), d.plan(), d.what(), d.parts(), d.downFrom(), d.downUntil());
        return ResponseEntity.created(URI.create("/api/v1/equipment/machines/" + code + "/maintenance")).body(r);
    }
}
