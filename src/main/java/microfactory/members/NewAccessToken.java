package microfactory.members;

/** A token just made: {@code token} is its secret, shown this once. */
public record NewAccessToken(AccessToken details, String token) {
}
