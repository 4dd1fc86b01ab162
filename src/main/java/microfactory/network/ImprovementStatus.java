package microfactory.network;

/** Where an improvement stands: offered to stewards, taken as a local version, declined, or refused (its licence forbids it). */
public enum ImprovementStatus {
    OFFERED, ACCEPTED, DECLINED, REFUSED
}
