package microfactory.learning;

/** A skill of a competency framework; {@code parent} is the skill it belongs under (null at the top). */
public record Skill(String code, String name, String parent, String framework) {
}
