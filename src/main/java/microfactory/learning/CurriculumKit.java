package microfactory.learning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.CsvRecords;
import microfactory.common.InvalidInputException;
import microfactory.common.KitFiles;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curriculum as an enterprise kit carries it: tracks, modules with their lessons and questions (in the line format
 * stewards write them in), skills, and the badges modules grant; the skills also as a Moodle competency framework CSV,
 * so a school's Moodle can take them. Loaded back into a new chapter, modules come after their prerequisites.
 */
@Service
public class CurriculumKit {

    static final String TRACKS = "curriculum/tracks.json";
    static final String MODULES = "curriculum/modules.json";
    static final String SKILLS = "curriculum/skills.json";
    static final String MOODLE = "curriculum/skills-moodle.csv";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Moodle's own column titles (tool_lpimportcsv, English); its importer reads the columns by position in this order.
    private static final List<String> MOODLE_HEADER = List.of("Parent ID number", "ID number", "Short name", "Description",
            "Description format", "Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
            "Rule config (optional)", "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy");

    private final LearningService learning;
    private final LearningRepository repository;

    CurriculumKit(LearningService learning, LearningRepository repository) {
        this.learning = learning;
        this.repository = repository;
    }

    public Map<String, byte[]> export(String frameworkCode, String frameworkName) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TRACKS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(learning.tracks()));
        List<ModuleDraft> drafts = new ArrayList<>();
        for (Module m : learning.modules()) {
            drafts.add(new ModuleDraft(m.code(), m.trackCode(), m.title(), m.skill(), m.level(), m.minutes(), m.passPercent(), m.practical(),
                    String.join(",", m.prerequisites()), m.lesson(), learning.questionsText(m.code())));
        }
        files.put(MODULES, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(drafts));
        files.put(SKILLS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(learning.skills()));
        files.put(MOODLE, moodle(frameworkCode, frameworkName, drafts).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * Every skill a module teaches or a framework holds, as competencies under one framework row; a competency's
     * description names the badge criteria: the module that grants each level and how it is assessed.
     */
    private String moodle(String frameworkCode, String frameworkName, List<ModuleDraft> modules) {
        Map<String, String> names = new TreeMap<>();
        Map<String, String> parents = new TreeMap<>();
        for (Skill s : learning.skills()) {
            if (!s.code().equals(s.framework()) || s.parent() != null) {
                names.put(s.code(), s.name());
                parents.put(s.code(), s.parent() == null || s.parent().equals(s.framework()) ? null : s.parent());
            }
        }
        Map<String, List<String>> criteria = new TreeMap<>();
        for (ModuleDraft m : modules) {
            names.putIfAbsent(m.skill(), m.skill());
            criteria.computeIfAbsent(m.skill(), k -> new ArrayList<>()).add("Level " + m.level() + ": " + m.title() + " ("
                    + (Boolean.TRUE.equals(m.practical()) ? "assessed, then signed off by a mentor" : "pass " + m.passPercent() + " % of its questions")
                    + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("", frameworkCode, frameworkName, "The skills and badges of " + frameworkName, "1"));
        names.forEach((code, name) -> rows.add(row(parents.get(code) == null || !names.containsKey(parents.get(code)) ? frameworkCode
                : parents.get(code), code, name, String.join("; ", criteria.getOrDefault(code, List.of())), "")));
        return CsvRecords.write(MOODLE_HEADER, rows);
    }

    private static List<String> row(String parent, String id, String name, String description, String isFramework) {
        return List.of(parent, id, name, description, "1", isFramework.isEmpty() ? "" : "Not yet competent,Competent",
                isFramework.isEmpty() ? "" : "[{\"scaleid\":\"2\"},{\"id\":1,\"scaledefault\":1,\"proficient\":0},{\"id\":2,\"scaledefault\":0,\"proficient\":1}]",
                "", "", "", "", "", isFramework, isFramework.isEmpty() ? "" : "competency,competency,competency,competency");
    }

    /** How many of a kit's tracks, modules and skills a new chapter took (those it had already are kept as they are). */
    public record Loaded(int tracks, int modules, int skills) {
    }

    /** Loads a kit's curriculum: tracks and skills not here yet, then modules after their prerequisites. */
    @Transactional
    public Loaded load(Map<String, byte[]> files) {
        List<Track> tracks = read(files, TRACKS, new TypeReference<List<Track>>() { });
        List<Skill> skills = read(files, SKILLS, new TypeReference<List<Skill>>() { });
        List<ModuleDraft> modules = read(files, MODULES, new TypeReference<List<ModuleDraft>>() { });
        int t = 0;
        for (Track track : tracks) {
            if (learning.tracks().stream().noneMatch(e -> e.code().equals(track.code()))) {
                learning.addTrack(track);
                t++;
            }
        }
        int s = 0;
        for (Skill skill : skills) {
            if (!repository.skillExists(skill.code())) {
                repository.insertSkill(skill.code(), skill.name(), "", skill.parent(), skill.framework());
                s++;
            }
        }
        Set<String> here = new HashSet<>(learning.modules().stream().map(Module::code).toList());
        List<ModuleDraft> waiting = new ArrayList<>(modules.stream().filter(m -> !here.contains(m.code())).toList());
        int added = 0;
        while (!waiting.isEmpty()) {
            ModuleDraft next = waiting.stream().filter(m -> prerequisites(m).stream().allMatch(here::contains)).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("kit", MODULES + ": the prerequisites of " + waiting.stream()
                            .map(ModuleDraft::code).toList() + " name modules the kit does not hold, or go round in a circle"));
            learning.saveModule(next, true);
            here.add(next.code());
            waiting.remove(next);
            added++;
        }
        return new Loaded(t, added, s);
    }

    /** The modules a kit holds, as stewards would write them. */
    public static List<ModuleDraft> modules(Map<String, byte[]> files) {
        return read(files, MODULES, new TypeReference<List<ModuleDraft>>() { });
    }

    private static List<String> prerequisites(ModuleDraft m) {
        return m.prerequisites() == null || m.prerequisites().isBlank() ? List.of() : List.of(m.prerequisites().replace(" ", "").split(","));
    }

    static <T> List<T> read(Map<String, byte[]> files, String name, TypeReference<List<T>> type) {
        return KitFiles.read(files, name, type, List.of());
    }
}
