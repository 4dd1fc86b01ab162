package microfactory.designs;

/** Where a design stands: a draft being worked on, released for builds, or deprecated (kept, not advised). */
public enum DesignStatus {
    DRAFT, RELEASED, DEPRECATED;

    public String label() {
        return name().toLowerCase();
    }
}
