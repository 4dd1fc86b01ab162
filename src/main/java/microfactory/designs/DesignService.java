package microfactory.designs;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.bom.Bom;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.BomProblem;
import microfactory.designs.bom.CsvBomReader;
import microfactory.designs.bom.MarkdownBomReader;
import microfactory.designs.bom.ShareAlike;
import microfactory.designs.bom.Spdx;

/** The chapter's catalogue of open designs: import, versions, forks, and the bundle others download. */
@Service
public class DesignService {

    private final DesignRepository designs;
    private final Clock clock;
    private final ChapterSettings chapter;

    DesignService(DesignRepository designs, Clock clock, ChapterSettings chapter) {
        this.designs = designs;
        this.clock = clock;
        this.chapter = chapter;
    }

    public List<Design> catalogue(String search) {
        return designs.search(search);
    }

    public Design get(String slug) {
        return designs.find(slug).orElseThrow(() -> new NotFoundException("design", slug));
    }

    public DesignView view(String slug) {
        return view(slug, null);
    }

    /** A design at one of its versions (null: the latest). */
    public DesignView view(String slug, String versionLabel) {
        Design d = get(slug);
        List<DesignVersion> versions = designs.versions(d.id());
        DesignVersion latest = versionLabel == null ? versions.get(0) : version(slug, versionLabel);
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
        // OKH-LOSH wants a web address for the repository: a design without one points at its page here.
        String repo = d.repo() == null || d.repo().isBlank() ? chapter.publicUrl() + "/designs/" + d.slug() : d.repo();
        return new DesignContent(d.name(), d.description(), d.licence(), d.authors(), repo, v.label(), designs.lines(v.id()),
                designs.tasks(v.id()));
    }

    public byte[] bundle(String slug) {
        return DesignBundle.write(content(slug));
    }

    static TaskGraph graph(List<BuildTask> tasks) {
        return TaskGraph.of(tasks, Vocabulary.SKILLS, Vocabulary.MACHINES);
    }

    private Bom bom(Design d, DesignVersion v) {
        return Bom.of(d.slug(), d.name(), designs.lines(v.id()), new ArrayList<>());
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
                c.licensor() == null ? "" : c.licensor(), DesignStatus.RELEASED, c.repo(), forkedFromVersion, clock.instant());
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

    /** Stewards edit what a design says about itself; its BOM and tasks change only through new versions. */
    @Transactional
    public Design update(String slug, DesignEdit edit) {
        Design d = get(slug);
        List<FieldProblem> problems = new ArrayList<>();
        if (edit.name() == null || edit.name().isBlank()) {
            problems.add(new FieldProblem("name", "a design needs a name"));
        }
        if (edit.licence() == null || edit.licence().isBlank()) {
            problems.add(new FieldProblem("licence", "give the design's SPDX licence, e.g. CERN-OHL-S-2.0"));
        } else {
            Spdx.problem(edit.licence()).ifPresent(p -> problems.add(new FieldProblem("licence", p)));
            if (!edit.licence().strip().equals(d.licence())) {
                shareAlikeProblem(d, edit.licence().strip()).ifPresent(p -> problems.add(new FieldProblem("licence", p)));
            }
        }
        if (edit.status() == null) {
            problems.add(new FieldProblem("status", "choose DRAFT, RELEASED or DEPRECATED"));
        }
        for (String line : (edit.links() == null ? "" : edit.links()).split("\n")) {
            String url = line.strip().contains(" ") ? line.strip().substring(line.strip().lastIndexOf(' ') + 1) : line.strip();
            if (!url.isEmpty() && !url.matches("https?://\\S+")) {
                problems.add(new FieldProblem("links", "each line reads 'label https://…'; '" + line.strip() + "' has no web address"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        designs.update(d.id(), edit.name().strip(), edit.description() == null ? "" : edit.description().strip(), edit.licence().strip(),
                edit.authors() == null ? "" : edit.authors().strip(), edit.status(), edit.links() == null ? "" : edit.links().strip());
        return get(slug);
    }

    /**
     * A new version: the latest version's BOM and tasks, replaced by whichever of a new BOM file (CSV, TSV or
     * OSE Markdown) and a new tasks.csv is given. Refused, with every problem by line, before anything is stored.
     */
    @Transactional
    public DesignVersion newVersion(String slug, String label, String notes, String bomFile, String bomText, String tasksText) {
        return newVersion(slug, label, notes, bomFile, bomText, tasksText, null);
    }

    /** A new version from another chapter's improvement: as {@link #newVersion} does, with where it came from kept on it. */
    @Transactional
    public DesignVersion newVersion(String slug, String label, String notes, String bomFile, String bomText, String tasksText, String provenance) {
        Design d = get(slug);
        if (label == null || !label.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw InvalidInputException.of("label", "name the version like 1.1 or 2.0-beta");
        }
        if (designs.versions(d.id()).stream().anyMatch(v -> v.label().equals(label.strip()))) {
            throw InvalidInputException.of("label", "version " + label.strip() + " exists already");
        }
        DesignContent current = content(slug);
        List<BomProblem> read = new ArrayList<>();
        List<BomLine> lines = current.lines();
        if (bomText != null && !bomText.isBlank()) {
            var r = bomFile != null && bomFile.endsWith(".md") ? MarkdownBomReader.read(bomFile, bomText)
                    : CsvBomReader.read(bomFile == null ? "bom.csv" : bomFile, bomText);
            read.addAll(r.problems());
            lines = r.lines();
        }
        List<BuildTask> tasks = current.tasks();
        if (tasksText != null && !tasksText.isBlank()) {
            tasks = DesignBundle.readTasks("tasks.csv", tasksText, read);
        }
        DesignContent next = new DesignContent(current.name(), current.function(), current.licence(), current.licensor(), current.repo(),
                label.strip(), lines, tasks);
        List<String> problems = check(next, read);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldProblem("version", p)).toList());
        }
        long version = designs.insertVersion(d.id(), label.strip(), notes == null ? "" : notes.strip(), clock.instant());
        DesignVersion before = designs.versions(d.id()).get(1);
        designs.setReferencePrice(version, before.referencePriceMinor()); // priced as the one before
        designs.setServiceMonths(version, before.serviceMonths()); // and serviced as often
        designs.setOutput(version, before.outputMaterial(), before.outputQuantity()); // and makes what it made
        if (provenance != null) {
            designs.setProvenance(version, provenance);
        }
        int seq = 0;
        for (BomLine l : lines) {
            designs.insertLine(version, seq++, l);
        }
        for (BuildTask t : tasks) {
            designs.insertTask(version, t);
        }
        return designs.version(version).orElseThrow();
    }

    /**
     * Makes the version a materials-production design: each unit of a build yields {@code quantity} of the stock material
     * {@code material} (its code in the chapter's catalogue) instead of a serial-numbered unit; null clears it.
     */
    @Transactional
    public DesignVersion setOutput(String slug, String label, String material, BigDecimal quantity) {
        DesignVersion v = version(slug, label);
        String code = material == null || material.isBlank() ? null : material.strip();
        if (code != null && (quantity == null || quantity.signum() <= 0)) {
            throw InvalidInputException.of("quantity", "what one unit of a build yields, a positive quantity in the material's unit");
        }
        designs.setOutput(v.id(), code, code == null ? null : quantity);
        return designs.version(v.id()).orElseThrow();
    }

    /** How often a unit built from the version wants service, in months (null: no schedule); owners are reminded. */
    @Transactional
    public DesignVersion setServiceInterval(String slug, String label, Integer months) {
        DesignVersion v = version(slug, label);
        if (months != null && (months < 1 || months > 120)) {
            throw InvalidInputException.of("months", "from 1 to 120 months, or none");
        }
        designs.setServiceMonths(v.id(), months);
        return designs.version(v.id()).orElseThrow();
    }

    /** Prices a version: what one unit built from it is worth, in the chapter's currency (null: not priced). */
    @Transactional
    public DesignVersion setReferencePrice(String slug, String label, Long minor) {
        DesignVersion v = version(slug, label);
        if (minor != null && minor < 0) {
            throw InvalidInputException.of("amountMinor", "a price is zero or more, in minor units of " + chapter.currency());
        }
        designs.setReferencePrice(v.id(), minor);
        return designs.version(v.id()).orElseThrow();
    }

    /** One version of a design by its label. */
    /** Every version of a design, newest first. */
    public List<DesignVersion> versions(String slug) {
        return designs.versions(get(slug).id());
    }

    public DesignVersion version(String slug, String label) {
        return designs.versions(get(slug).id()).stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow(() -> new NotFoundException("version of " + slug, label));
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

    /**
     * "Every build is a fork": a new design from the latest version of another, its lineage kept; under the same licence,
     * or another one ({@code licence}) that a share-alike original allows.
     */
    @Transactional
    public Design fork(String slug, String newSlug, String newName, String licence) {
        Design d = get(slug);
        DesignVersion v = designs.versions(d.id()).get(0);
        DesignContent c = content(slug);
        String name = newName == null || newName.isBlank() ? d.name() + " (fork)" : newName.strip();
        String terms = licence == null || licence.isBlank() ? c.licence() : licence.strip();
        if (!terms.equals(c.licence())) {
            Spdx.problem(terms).or(() -> ShareAlike.problem(c.licence(), terms)).ifPresent(p -> {
                throw InvalidInputException.of("licence", p);
            });
        }
        return create(newSlug, new DesignContent(name, c.function(), terms, c.licensor(), c.repo(), "1.0", c.lines(),
                c.tasks()), v.id());
    }

    /** Why a design may not take the licence {@code to}: its own share-alike licence, or the one of the design it was forked from. */
    private Optional<String> shareAlikeProblem(Design d, String to) {
        Optional<String> own = ShareAlike.problem(d.licence(), to);
        if (own.isPresent() || d.forkedFrom() == null) {
            return own;
        }
        DesignVersion v = designs.version(d.forkedFrom()).orElseThrow();
        Design origin = designs.findById(v.designId()).orElseThrow();
        return ShareAlike.problem(origin.licence(), to).map(p -> "forked from " + origin.name() + ": " + p);
    }

    static String slugOf(String name) {
        String s = Normalizer.normalize(name == null ? "design" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.length() < 2 ? "design-" + s : s.substring(0, Math.min(80, s.length()));
    }
}
