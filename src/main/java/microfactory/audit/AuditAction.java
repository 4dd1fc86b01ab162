package microfactory.audit;

/** What an administrative change was; the audit page and API name it by these. */
public enum AuditAction {
    CHAPTER_FOUNDED("chapter founded"),
    CHAPTER_SETTINGS_CHANGED("chapter settings changed"),
    MEMBER_ROLE_CHANGED("role changed"),
    MEMBER_DEACTIVATED("member deactivated"),
    MEMBER_REACTIVATED("member reactivated"),
    PLAN_CREATED("plan created"),
    PLAN_CHANGED("plan changed"),
    BAY_ADDED("bay added"),
    BAY_CHANGED("bay changed"),
    BAY_REMOVED("bay removed"),
    MACHINE_ADDED("machine added"),
    MACHINE_CHANGED("machine changed"),
    MACHINE_REMOVED("machine removed"),
    MACHINE_STATUS_CHANGED("machine status changed"),
    TRACK_ADDED("learning track added"),
    TRACK_CHANGED("learning track changed"),
    CHAPTER_RESTORED("chapter restored from a backup");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
