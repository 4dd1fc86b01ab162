package microfactory.production;

/** A member on a run, as crew (in a role's seat, or general crew when {@code seatId} is null) or trainee; confirmed or waitlisted (or withdrawn). */
public record Signup(long id, long runId, long memberId, String name, String publicId, String role, String status, Long seatId) {
}
