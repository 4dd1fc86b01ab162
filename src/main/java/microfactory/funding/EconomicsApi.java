package microfactory.funding;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import microfactory.ledger.LedgerEconomics;
import microfactory.ledger.report.Economics;

/** {@code GET /api/v1/economics}: the chapter's economics from its public ledger, for anyone (and the same as {@code ledger report}). */
@RestController
class EconomicsApi {

    private final LedgerEconomics economics;

    EconomicsApi(LedgerEconomics economics) {
        this.economics = economics;
    }

    @GetMapping("/api/v1/economics")
    Economics economics() {
        return economics.economics();
    }
}
