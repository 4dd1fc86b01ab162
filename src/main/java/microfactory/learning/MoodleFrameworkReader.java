package microfactory.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import microfactory.common.CsvRecords;

/**
 * Reads a competency framework in Moodle's CSV format (tool_lpimportcsv), through jackson-dataformat-csv: the row with "Is framework" = 1
 * is the framework, every other row a competency under its parent. Quoted fields may hold commas, doubled
 * quotes and line breaks. Problems name the line a record starts on.
 */
final class MoodleFrameworkReader {

    /** A competency: Moodle's id number, short name, description and parent id number. */
    record Competency(String code, String name, String description, String parent) {
    }

    record Framework(String code, String name, List<Competency> competencies, List<String> problems) {
    }

    private MoodleFrameworkReader() {
    }

    static Framework read(String file, String text) {
        List<String> problems = new ArrayList<>();
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.read(text, ',').stream().filter(r -> !r.blank()).toList();
        } catch (IllegalArgumentException e) {
            return new Framework(null, null, List.of(), List.of(file + ": " + e.getMessage()));
        }
        if (records.isEmpty()) {
            return new Framework(null, null, List.of(), List.of(file + ": empty file"));
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase()).toList();
        int parent = header.indexOf("parent id number");
        int id = header.indexOf("id number");
        int name = header.indexOf("shortname");
        int description = header.indexOf("description");
        int isFramework = header.indexOf("is framework");
        if (parent < 0 || id < 0 || name < 0 || isFramework < 0) {
            return new Framework(null, null, List.of(), List.of(file + ":1: not a Moodle competency CSV: the header needs "
                    + "Parent id number, Id number, Shortname and Is framework"));
        }
        String frameworkCode = null;
        String frameworkName = null;
        List<Competency> competencies = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r).fields();
            int line = records.get(r).line();
            if (f.size() < header.size()) {
                problems.add(file + ":" + line + ": " + f.size() + " fields, the header has " + header.size());
                continue;
            }
            String code = f.get(id).strip();
            if (code.isEmpty()) {
                problems.add(file + ":" + line + ": the id number is empty");
                continue;
            }
            if (f.get(isFramework).strip().equals("1")) {
                frameworkCode = code;
                frameworkName = f.get(name).strip();
                continue;
            }
            if (!codes.add(code)) {
                problems.add(file + ":" + line + ": id number '" + code + "' appears twice");
                continue;
            }
            String p = f.get(parent).strip();
            competencies.add(new Competency(code, f.get(name).strip(), description >= 0 ? f.get(description) : "", p.isEmpty() ? null : p));
        }
        for (Competency c : competencies) {
            if (c.parent() != null && !codes.contains(c.parent())) {
                problems.add(file + ": '" + c.code() + "' names parent '" + c.parent() + "', which is not in the file");
            }
        }
        if (frameworkCode == null) {
            problems.add(file + ": no row has Is framework = 1");
        }
        return new Framework(frameworkCode, frameworkName, competencies, problems);
    }
}
