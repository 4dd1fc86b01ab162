package microfactory.production;

/** A member on a run, as crew (in a role's seat, or general crew when {@code seatId} is null) or trainee; confirmed or waitlisted (or withdrawn).
 * {@code feeTransfer}: the ledger transfer of the fee they owe (pending until the build starts), if any. */
public record Signup(long id, long runId, long memberId, String name, String publicId, SignupRole role, SignupStatus status, Long seatId,
                     String feeTransfer) {
}
