package microfactory.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox, for admins: what the chapter sent, or would have sent without a mail server. */
@Controller
class OutboxPages {

    private final Mailer mailer;

    OutboxPages(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("mails", mailer.latest());
        model.addAttribute("sends", mailer.sends());
        return "mail/outbox";
    }
}
