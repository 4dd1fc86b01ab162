package microfactory.common;

/** One thing wrong with one input field, in words a person can act on. */
public record FieldProblem(String field, String message) {
}
