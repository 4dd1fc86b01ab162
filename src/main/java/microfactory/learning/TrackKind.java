package microfactory.learning;

/** The source's three kinds of learning: core technologies, skills, mindset. */
public enum TrackKind {
    KNOW_WHAT("Know-what: core technologies"),
    KNOW_HOW("Know-how: skills"),
    KNOW_WHY("Know-why: mindset");

    private final String label;

    TrackKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
