package microfactory.ledger;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires pending transfers whose timeout has passed, every 30 seconds. */
@Component
class LedgerExpiry {

    private final LedgerService ledger;

    LedgerExpiry(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${microfactory.ledger.expiry-check:30s}", initialDelayString = "30s")
    void expire() {
        ledger.expireDue();
    }
}
