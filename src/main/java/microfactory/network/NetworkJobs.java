package microfactory.network;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks every followed chapter's checkpoint, then pulls its designs, on a schedule (every minute unless set otherwise). */
@Component
class NetworkJobs {

    private final NetworkService network;
    private final Improvements improvements;

    NetworkJobs(NetworkService network, Improvements improvements) {
        this.network = network;
        this.improvements = improvements;
    }

    @Scheduled(fixedDelayString = "${microfactory.network.check-every:60s}", initialDelayString = "${microfactory.network.first-check:20s}")
    void checkFollowed() {
        network.checkAll();
        improvements.pullAll();
    }
}
