package microfactory.learning;

/** A learning track: know-what (core technologies), know-how (skills) or know-why (mindset). */
public record Track(String code, String name, String kind, String description) {
}
