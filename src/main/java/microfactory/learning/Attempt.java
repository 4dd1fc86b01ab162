package microfactory.learning;

/** The outcome of an assessment: the score, whether it passed, and what happens next. */
public record Attempt(String module, int score, boolean passed, String outcome) {
}
