package microfactory.funding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import microfactory.common.ConflictException;

/** Closes campaigns whose deadline has passed, each in its own transaction (a steward may have closed it meanwhile). */
@Component
class CampaignClosing {

    private static final Logger log = LoggerFactory.getLogger(CampaignClosing.class);

    private final CampaignService campaigns;

    CampaignClosing(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Scheduled(fixedDelayString = "${microfactory.funding.close-check:1m}", initialDelayString = "${microfactory.funding.close-check:1m}")
    int closeDue() {
        int closed = 0;
        for (long id : campaigns.dueForClosing()) {
            try {
                Campaign c = campaigns.close(id);
                log.info("Campaign #{} '{}' reached its deadline: {}.", id, c.title(), c.status().label());
                closed++;
            } catch (ConflictException e) {
                // closed by a steward at the same moment: it closes once
            }
        }
        return closed;
    }
}
