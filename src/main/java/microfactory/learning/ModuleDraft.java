package microfactory.learning;

/**
 * A module as a steward writes it. Questions, one per line: "? prompt | choice | *right choice | choice" or
 * "# prompt = 10 ± 0.5" for a number.
 */
public record ModuleDraft(String code, String track, String title, String skill, Integer level, Integer minutes,
                          Integer passPercent, Boolean practical, String prerequisites, String lesson, String questions) {
}
