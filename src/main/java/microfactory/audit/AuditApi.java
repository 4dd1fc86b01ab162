package microfactory.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log in JSON, for admins: newest first, 100 a page ({@code before} = the last id of the previous page). */
@RestController
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit")
    List<AuditEvent> latest(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) Long before) {
        return audit.latest(action, before);
    }
}
