package microfactory.network;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks every followed chapter's checkpoint on a schedule (every minute unless set otherwise). */
@Component
class NetworkJobs {

    private final NetworkService network;

    NetworkJobs(NetworkService network) {
        this.network = network;
    }

    @Scheduled(fixedDelayString = "${microfactory.network.check-every:60s}", initialDelayString = "${microfactory.network.first-check:20s}")
    void checkFollowed() {
        network.checkAll();
    }
}
