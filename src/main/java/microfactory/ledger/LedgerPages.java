package microfactory.ledger;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Jcs;
import microfactory.ledger.tlog.SignedNote;

/** The public ledger pages: entries, balances, the latest checkpoint, and how to verify. */
@Controller
class LedgerPages {

    static final int PAGE = 50;
    private final LedgerService ledger;

    LedgerPages(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String kind, @RequestParam(required = false) Long before, Model model) {
        String note = ledger.checkpoint();
        model.addAttribute("checkpoint", Checkpoint.parse(SignedNote.parse(note).text()));
        model.addAttribute("note", note);
        model.addAttribute("vkey", ledger.verifierKey());
        model.addAttribute("entries", ledger.latest(kind, before, PAGE));
        model.addAttribute("kinds", ledger.kinds());
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("accounts", ledger.accounts());
        model.addAttribute("trial", ledger.trialBalance());
        return "ledger/ledger";
    }

    @GetMapping("/ledger/entries/{index}")
    String entry(@PathVariable long index, Model model) {
        LedgerEntry e = ledger.entry(index);
        model.addAttribute("entry", e);
        model.addAttribute("pretty", LedgerJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Jcs.parse(e.body())));
        model.addAttribute("proof", ledger.inclusionProof(index, null));
        return "ledger/entry";
    }

    @GetMapping("/ledger/accounts/{code}")
    String account(@PathVariable String code, Model model) {
        model.addAttribute("account", ledger.account(code));
        List<Transfer> recent = ledger.recentTransfers(code, 100);
        model.addAttribute("transfers", recent);
        return "ledger/account";
    }
}
