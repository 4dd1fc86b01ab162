package microfactory.learning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;

/** Skills from a competency framework in Moodle's CSV format, read by {@link MoodleFrameworkReader}. */
@Service
public class FrameworkImport {

    private final LearningRepository learning;

    FrameworkImport(LearningRepository learning) {
        this.learning = learning;
    }

    /** What an import stored. */
    public record Imported(String framework, int skills) {
    }

    /**
     * Imports a competency framework in Moodle's CSV format as skills: the framework row and every competency
     * under it. All or nothing: any problem (a bad line, an unknown parent, an id already known) stores nothing.
     */
    @Transactional
    public Imported importFramework(String file, String csv) {
        MoodleFrameworkReader.Framework f = MoodleFrameworkReader.read(file, csv == null ? "" : csv);
        List<String> problems = new ArrayList<>(f.problems());
        if (f.code() != null && learning.skillExists(f.code())) {
            problems.add(file + ": the framework '" + f.code() + "' was imported already");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldProblem("csv", p)).toList());
        }
        learning.insertSkill(f.code(), f.name(), "", null, f.code());
        for (MoodleFrameworkReader.Competency c : f.competencies()) {
            learning.insertSkill(c.code(), c.name().length() > 200 ? c.name().substring(0, 200) : c.name(),
                    c.description().length() > 8000 ? c.description().substring(0, 8000) : c.description(),
                    c.parent() == null ? f.code() : c.parent(), f.code());
        }
        return new Imported(f.code(), f.competencies().size());
    }

}
