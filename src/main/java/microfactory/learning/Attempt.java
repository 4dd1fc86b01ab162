package microfactory.learning;

import java.util.List;

/**
 * The outcome of an assessment: the score, whether it passed, and what happens next. A failed attempt names the
 * questions answered wrong (never the right answers); a passed one links the badge's credential (when one was issued)
 * and suggests the next module.
 */
public record Attempt(String module, int score, boolean passed, String outcome, List<Integer> wrongQuestions,
                      String credentialId, Module next) {
}
