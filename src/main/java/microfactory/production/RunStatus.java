package microfactory.production;

import java.util.Locale;

/** Where a build is: draft → open → scheduled → in progress → completed, or cancelled on the way. */
public enum RunStatus {
    DRAFT, OPEN, SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** As people read it: "in progress". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Members may sign up (and leave) while a build is open or scheduled. */
    public boolean takesSignUps() {
        return this == OPEN || this == SCHEDULED;
    }

    /** A schedule is in force: its work is planned or under way. */
    public boolean live() {
        return this == SCHEDULED || this == IN_PROGRESS;
    }

    public boolean ended() {
        return this == COMPLETED || this == CANCELLED;
    }
}
