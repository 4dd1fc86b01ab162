package microfactory.members;

import java.time.Duration;

/** What a single-use e-mailed link is for, and how long it stays good. */
enum TokenPurpose {
    CONFIRM_EMAIL(Duration.ofDays(7)),
    RESET_PASSWORD(Duration.ofHours(1));

    final Duration validFor;

    TokenPurpose(Duration validFor) {
        this.validFor = validFor;
    }
}
