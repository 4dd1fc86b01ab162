package microfactory.audit;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log as a page, for admins. */
@Controller
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String latest(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) Long before, Model model) {
        List<AuditEvent> events = audit.latest(action, before);
        model.addAttribute("events", events);
        model.addAttribute("action", action);
        model.addAttribute("actions", List.of(AuditAction.values()));
        model.addAttribute("next", events.size() == AuditLog.PAGE_SIZE ? events.get(events.size() - 1).id() : null);
        return "audit/audit";
    }
}
