package microfactory.equipment;

/** A work area of the factory floor where a crew builds. */
public record Bay(long id, String code, String name, String kind, int areaM2, String description) {
}
