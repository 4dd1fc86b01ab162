package microfactory.production;

/** How a member joins a build: in the crew (general, or a role's seat that needs its badge) or as a trainee. */
public enum SignupRole {
    CREW("crew", "a seat in the crew"), TRAINEE("trainee", "a trainee seat");

    private final String label;
    private final String seat;

    SignupRole(String label, String seat) {
        this.label = label;
        this.seat = seat;
    }

    public String label() {
        return label;
    }

    /** The place this role gives, for sentences ("You have a trainee seat"). */
    public String seat() {
        return seat;
    }
}
