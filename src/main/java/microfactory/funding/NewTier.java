package microfactory.funding;

/** A reward tier as a steward writes it with a new campaign. */
public record NewTier(String name, Long amountMinor, Integer maxBackers, String planCode) {
}
