package microfactory.production;

/** A member on a run, as crew or trainee, confirmed or waitlisted (or withdrawn). */
public record Signup(long id, long runId, long memberId, String name, String publicId, String role, String status) {
}
