package microfactory.learning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import microfactory.common.FieldProblem;

/**
 * The text stewards write a module's questions in, one per line: {@code ? prompt | choice | *right choice} or
 * {@code # prompt = 10 ± 0.5}. Read into questions (every problem named by its line), and written back for editing.
 */
final class QuestionText {

    private static final Pattern NUMBER = Pattern.compile("#\\s*(.+?)\\s*=\\s*(-?[0-9.]+)\\s*(?:±\\s*([0-9.]+))?$");

    /** A question read from the text, before it is stored. */
    record DraftQuestion(String kind, String prompt, List<String> choices, BigDecimal answer, BigDecimal tolerance) {
    }

    private QuestionText() {
    }

    /** The questions the text writes, each problem named by its line; problems are added to {@code problems}. */
    static List<DraftQuestion> parse(String text, List<FieldProblem> problems) {
        List<DraftQuestion> out = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = "questions, line " + (i + 1) + ": ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("?")) {
                String[] parts = line.substring(1).split("\\|");
                List<String> choices = new ArrayList<>();
                int right = -1;
                for (int k = 1; k < parts.length; k++) {
                    String c = parts[k].strip();
                    if (c.startsWith("*")) {
                        right = right < 0 ? k - 1 : -2;
                        c = c.substring(1).strip();
                    }
                    choices.add(c);
                }
                if (parts[0].isBlank() || choices.size() < 2 || right < 0) {
                    problems.add(new FieldProblem("questions", where
                            + "a choice question reads '? prompt | choice | *right choice' with two or more choices and exactly one marked *"));
                    continue;
                }
                out.add(new DraftQuestion("CHOICE", parts[0].strip(), choices, BigDecimal.valueOf(right), BigDecimal.ZERO));
            } else if (line.startsWith("#")) {
                Matcher m = NUMBER.matcher(line);
                if (!m.matches()) {
                    problems.add(new FieldProblem("questions", where + "a number question reads '# prompt = 10 ± 0.5'"));
                    continue;
                }
                out.add(new DraftQuestion("NUMBER", m.group(1), List.of(""), new BigDecimal(m.group(2)),
                        m.group(3) == null ? BigDecimal.ZERO : new BigDecimal(m.group(3))));
            } else {
                problems.add(new FieldProblem("questions", where + "start a question with ? (choices) or # (a number)"));
            }
        }
        if (out.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("questions"))) {
            problems.add(new FieldProblem("questions", "write at least one question"));
        }
        return out;
    }

    /** The text of these questions, as {@link #parse} reads it. */
    static String write(List<Question> questions) {
        StringBuilder text = new StringBuilder();
        for (Question q : questions) {
            if (q.kind().equals("CHOICE")) {
                text.append("? ").append(q.prompt());
                for (int k = 0; k < q.choices().size(); k++) {
                    text.append(" | ").append(k == q.answer().intValue() ? "*" : "").append(q.choices().get(k));
                }
            } else {
                text.append("# ").append(q.prompt()).append(" = ").append(q.answer().stripTrailingZeros().toPlainString())
                        .append(" ± ").append(q.tolerance().stripTrailingZeros().toPlainString());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
