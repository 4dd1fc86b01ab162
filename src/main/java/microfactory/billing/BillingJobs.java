package microfactory.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import microfactory.common.ConflictException;

/** Every hour: issues the invoices that fell due, reminds what is overdue, lapses what stayed unpaid past the grace period. */
@Component
class BillingJobs {

    private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);
    private final BillingService billing;

    BillingJobs(BillingService billing) {
        this.billing = billing;
    }

    @Scheduled(fixedDelayString = "${microfactory.billing.check:1h}", initialDelayString = "${microfactory.billing.first-check:5m}")
    void run() {
        try {
            int issued = billing.issueDue(billing.today());
            int[] done = billing.remindAndLapse(billing.today());
            if (issued + done[0] + done[1] > 0) {
                log.info("Billing: {} invoices issued, {} reminders sent, {} memberships lapsed.", issued, done[0], done[1]);
            }
        } catch (ConflictException e) {
            log.warn("Billing could not run: {}", e.getMessage()); // the ledger lacks an account: the steward's page says which
        }
    }
}
