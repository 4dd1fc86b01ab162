package microfactory.designs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.bom.Bom;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.BomProblem;
import microfactory.designs.bom.Spdx;

/** The chapter's catalogue of open designs: import, versions, forks, and the bundle others download. */
@Service
public class DesignService {

    private final DesignRepository designs;
    private final Clock clock;

    DesignService(DesignRepository designs, Clock clock) {
        this.designs = designs;
        this.clock = clock;
    }

    public List<Design> catalogue(String search) {
        return designs.search(search);
    }

    public Design get(String slug) {
        return designs.find(slug).orElseThrow(() -> new NotFoundException("design", slug));
    }

    public DesignView view(String slug) {
        Design d = get(slug);
        List<DesignVersion> versions = designs.versions(d.id());
        DesignVersion latest = versions.get(0);
        Lineage parent = null;
        if (d.forkedFrom() != null) {
            DesignVersion v = designs.version(d.forkedFrom()).orElseThrow();
            Design origin = designs.findById(v.designId()).orElseThrow();
            parent = new Lineage(origin.slug(), origin.name(), v.label());
        }
        return new DesignView(d, latest, versions, bom(d, latest), graph(designs.tasks(latest.id())), parent, designs.forksOf(d.id()));
    }

    public DesignContent content(String slug) {
        Design d = get(slug);
        DesignVersion v = designs.versions(d.id()).get(0);
        return new DesignContent(d.name(), d.description(), d.licence(), d.authors(),
                d.repo() == null ? "" : d.repo(), v.label(), designs.lines(v.id()), designs.tasks(v.id()));
    }

    public byte[] bundle(String slug) {
        return DesignBundle.write(content(slug));
    }

    static TaskGraph graph(List<BuildTask> tasks) {
        return TaskGraph.of(tasks, Vocabulary.SKILLS, Vocabulary.MACHINES);
    }

    private static Bom bom(Design d, DesignVersion v, List<BomLine> lines) {
        return Bom.of(d.slug(), d.name(), lines, new ArrayList<>());
    }

    private Bom bom(Design d, DesignVersion v) {
        return bom(d, v, designs.lines(v.id()));
    }

    /** Everything wrong with a design about to be stored: BOM lines, cycles, licence, task graph. Empty when it can be stored. */
    public List<String> check(DesignContent c, List<BomProblem> readProblems) {
        List<String> problems = new ArrayList<>();
        readProblems.forEach(p -> problems.add(p.toString()));
        if (c == null) {
            return problems;
        }
        if (c.name() == null || c.name().isBlank()) {
            problems.add("the design needs a name");
        }
        Spdx.problem(c.licence()).ifPresent(p -> problems.add("licence: " + p));
        List<BomProblem> cycles = new ArrayList<>();
        Bom.of("bom.csv", c.name() == null ? "design" : c.name(), c.lines(), cycles);
        cycles.forEach(p -> problems.add(p.toString()));
        problems.addAll(graph(c.tasks()).problems());
        return problems;
    }

    /** Stores a new design from checked content; nothing is stored when anything is wrong. */
    @Transactional
    public Design create(String slug, DesignContent c, Long forkedFromVersion) {
        List<String> problems = check(c, List.of());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldProblem("design", p)).toList());
        }
        String s = slug == null || slug.isBlank() ? slugOf(c.name()) : slug;
        if (!s.matches("[a-z0-9][a-z0-9-]{1,79}")) {
            throw InvalidInputException.of("slug", "use 2-80 lower-case letters, digits and dashes");
        }
        if (designs.find(s).isPresent()) {
            throw new ConflictException("A design with the address '" + s + "' exists already; choose another.");
        }
        long id = designs.insertDesign(s, c.name(), c.function() == null ? "" : c.function(), c.licence(),
                c.licensor() == null ? "" : c.licensor(), "RELEASED", c.repo(), forkedFromVersion, clock.instant());
        long version = designs.insertVersion(id, c.version() == null || c.version().isBlank() ? "1.0" : c.version(),
                forkedFromVersion == null ? "Imported" : "Forked", clock.instant());
        int seq = 0;
        for (BomLine l : c.lines()) {
            designs.insertLine(version, seq++, l);
        }
        for (BuildTask t : c.tasks()) {
            designs.insertTask(version, t);
        }
        return get(s);
    }

    /** Imports an export bundle (zip). */
    @Transactional
    public Design importBundle(String slug, byte[] zip) {
        DesignBundle.Read read = DesignBundle.read(zip);
        List<String> problems = check(read.content(), read.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldProblem("bundle", p)).toList());
        }
        return create(slug, read.content(), null);
    }

    /** "Every build is a fork": a new design from the latest version of another, its lineage kept. */
    @Transactional
    public Design fork(String slug, String newSlug, String newName) {
        Design d = get(slug);
        DesignVersion v = designs.versions(d.id()).get(0);
        DesignContent c = content(slug);
        String name = newName == null || newName.isBlank() ? d.name() + " (fork)" : newName.strip();
        return create(newSlug, new DesignContent(name, c.function(), c.licence(), c.licensor(), c.repo(), "1.0", c.lines(),
                c.tasks()), v.id());
    }

    static String slugOf(String name) {
        String s = java.text.Normalizer.normalize(name == null ? "design" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.length() < 2 ? "design-" + s : s.substring(0, Math.min(80, s.length()));
    }
}
