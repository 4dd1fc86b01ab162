package microfactory.designs;

/** What a steward can change about a design without a new version. */
public record DesignEdit(String name, String description, String licence, String authors, DesignStatus status, String links) {
}
