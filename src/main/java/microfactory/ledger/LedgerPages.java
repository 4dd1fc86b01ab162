package microfactory.ledger;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Jcs;
import microfactory.ledger.tlog.SignedNote;
import microfactory.web.FieldErrors;

/** The public ledger pages: entries, balances, the latest checkpoint, and how to verify. */
@Controller
class LedgerPages {

    static final int PAGE = 50;
    private final LedgerService ledger;
    private final ChapterSettings chapter;

    LedgerPages(LedgerService ledger, ChapterSettings chapter) {
        this.ledger = ledger;
        this.chapter = chapter;
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String kind, @RequestParam(required = false) String member,
                  @RequestParam(required = false) Long before, Model model) {
        String note = ledger.checkpoint();
        model.addAttribute("checkpoint", Checkpoint.parse(SignedNote.parse(note).text()));
        model.addAttribute("note", note);
        model.addAttribute("vkey", ledger.verifierKey());
        model.addAttribute("entries", ledger.latest(kind, member, before, PAGE));
        model.addAttribute("kinds", ledger.kinds());
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("member", member == null ? "" : member.strip());
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

    /** The chart of accounts; stewards open more (an account.opened entry on the log). */
    @GetMapping("/ledger/accounts")
    String accounts(Model model) {
        return accountsPage(model, new AccountForm("", "", AccountType.ASSET.name(), chapter.currency(), null), FieldErrors.NONE);
    }

    @PostMapping("/ledger/accounts")
    String open(AccountForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            Account a = ledger.openAccount(form.toRequest());
            flash.addFlashAttribute("notice", "Opened the account " + a.code() + " (" + a.name() + "), ledger entry " + a.entryIndex() + ".");
            return "redirect:/ledger/accounts";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return accountsPage(model, form, FieldErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            return accountsPage(model, form, FieldErrors.of(InvalidInputException.of("code", e.getMessage())));
        }
    }

    private String accountsPage(Model model, AccountForm form, FieldErrors errors) {
        model.addAttribute("accounts", ledger.accounts());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", List.of(AccountType.values()));
        return "ledger/accounts";
    }

    @GetMapping("/ledger/accounts/{code}")
    String account(@PathVariable String code, Model model) {
        model.addAttribute("account", ledger.account(code));
        List<Transfer> recent = ledger.recentTransfers(code, 100);
        model.addAttribute("transfers", recent);
        return "ledger/account";
    }
}
