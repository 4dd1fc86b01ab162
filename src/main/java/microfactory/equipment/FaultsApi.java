package microfactory.equipment;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import microfactory.members.MemberPrincipal;

/** Faults: any member reports one; stewards resolve them; anyone reads a machine's history and uptime. */
@RestController
class FaultsApi {

    private final MachineFaults faults;

    FaultsApi(MachineFaults faults) {
        this.faults = faults;
    }

    record Report(String summary, boolean blocking) {
    }

    record Resolution(String note) {
    }

    @PostMapping("/api/v1/equipment/machines/{code}/faults")
    ResponseEntity<Fault> report(@PathVariable String code, @RequestBody Report r, @AuthenticationPrincipal MemberPrincipal me) {
        Fault f = faults.report(code, me.memberId(), r.summary(), r.blocking());
        return ResponseEntity.created(URI.create("/api/v1/equipment/machines/" + code + "/history")).body(f);
    }

    @PostMapping("/api/v1/equipment/faults/{id}/resolve")
    Fault resolve(@PathVariable long id, @RequestBody Resolution r) {
        return faults.resolve(id, r.note());
    }

    @GetMapping("/api/v1/equipment/machines/{code}/history")
    MachineHistory history(@PathVariable String code) {
        return faults.history(code);
    }
}
