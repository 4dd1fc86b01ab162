package microfactory.production;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every day: owners whose unit's service falls due within a week are reminded, once per due date. */
@Component
class LifetimeJobs {

    private static final Logger log = LoggerFactory.getLogger(LifetimeJobs.class);
    private final UnitLifetime lifetime;

    LifetimeJobs(UnitLifetime lifetime) {
        this.lifetime = lifetime;
    }

    @Scheduled(fixedDelayString = "${microfactory.lifetime.check:1d}", initialDelayString = "${microfactory.lifetime.first-check:10m}")
    void remind() {
        int told = lifetime.remindDue();
        if (told > 0) {
            log.info("Service reminders: {} owners told their unit's service is due.", told);
        }
    }
}
