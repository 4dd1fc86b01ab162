package microfactory.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input a person or client sent that the domain refuses. Pages show each problem beside its field;
 * the API answers 400 with the same list. Thrown before anything is written.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem's message, joined: what a form shows when the problems are not beside fields of their own. */
    public String messages() {
        return String.join("; ", problems().stream().map(FieldProblem::message).toList());
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    /** The same problems with fields renamed, for a form whose fields are named otherwise than the request's. */
    public InvalidInputException renamed(Map<String, String> names) {
        return new InvalidInputException(problems.stream()
                .map(p -> new FieldProblem(names.getOrDefault(p.field(), p.field()), p.message())).toList());
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** First message per field, in order: what a form shows beside each field. */
    public Map<String, String> byField() {
        return problems.stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::message,
                (first, second) -> first, LinkedHashMap::new));
    }
}
