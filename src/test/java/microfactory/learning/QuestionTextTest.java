package microfactory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import microfactory.common.FieldProblem;

/** The question text stewards write: read, refused by line, and written back the same. */
class QuestionTextTest {

    private static final String TEXT = """
            ? Which gas shields MIG welding on steel? | oxygen | *argon and CO2 | helium
            # Wire speed in m/min for 1 mm wire = 8 ± 0.5
            """;

    @Test
    void choiceAndNumberQuestionsAreRead() {
        List<FieldProblem> problems = new ArrayList<>();
        List<QuestionText.DraftQuestion> questions = QuestionText.parse(TEXT, problems);
        assertThat(problems).isEmpty();
        assertThat(questions).hasSize(2);
        assertThat(questions.get(0).kind()).isEqualTo("CHOICE");
        assertThat(questions.get(0).choices()).containsExactly("oxygen", "argon and CO2", "helium");
        assertThat(questions.get(0).answer()).isEqualByComparingTo("1");
        assertThat(questions.get(1).kind()).isEqualTo("NUMBER");
        assertThat(questions.get(1).answer()).isEqualByComparingTo("8");
        assertThat(questions.get(1).tolerance()).isEqualByComparingTo("0.5");
    }

    @Test
    void eachBadLineIsNamed() {
        List<FieldProblem> problems = new ArrayList<>();
        QuestionText.parse("? no right answer | a | b\n? two right | *a | *b\n# no number = x\nplain words\n", problems);
        assertThat(problems).extracting(FieldProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("questions, line 1: a choice question"),
                m -> assertThat(m).startsWith("questions, line 2: a choice question"),
                m -> assertThat(m).startsWith("questions, line 3: a number question"),
                m -> assertThat(m).startsWith("questions, line 4: start a question"));
    }

    @Test
    void atLeastOneQuestionIsNeeded() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(QuestionText.parse("\n  \n", problems)).isEmpty();
        assertThat(problems).extracting(FieldProblem::message).containsExactly("write at least one question");
    }

    @Test
    void whatIsWrittenBackReadsAsTheSameQuestions() {
        List<QuestionText.DraftQuestion> read = QuestionText.parse(TEXT, new ArrayList<>());
        List<Question> stored = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            QuestionText.DraftQuestion q = read.get(i);
            stored.add(new Question(i + 1, i + 1, q.kind(), q.prompt(), q.choices(), q.answer(), q.tolerance()));
        }
        String written = QuestionText.write(stored);
        assertThat(written).contains("| *argon and CO2 |").contains("= 8 ± 0.5");
        assertThat(QuestionText.parse(written, new ArrayList<>())).isEqualTo(read);
    }
}
