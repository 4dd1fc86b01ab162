package microfactory.production;

import java.util.Locale;

/** Where one unit's task is: planned, started, done, or failed (a quality check failed: what follows waits). */
public enum TaskStatus {
    PLANNED, STARTED, DONE, FAILED;

    /** As people read it, and as a CSS class: "planned". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
