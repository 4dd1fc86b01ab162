package microfactory.production;

/** A member on a build: confirmed (has a place), waitlisted (next when a place frees), or withdrawn (left). */
public enum SignupStatus {
    CONFIRMED, WAITLISTED, WITHDRAWN
}
