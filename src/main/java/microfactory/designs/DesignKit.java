package microfactory.designs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.InvalidInputException;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.ShareAlike;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue as an enterprise kit carries it: every design with every version as an OKH bundle
 * ({@code designs/<slug>/<version>.zip}) and an index ({@code designs/index.json}) with what a bundle does not say —
 * status, lineage, version notes, reference prices, service intervals, what a version makes. Loaded back into a new
 * chapter, designs keep their authors, licences and lineage.
 */
@Service
public class DesignKit {

    static final String INDEX = "designs/index.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One version as the index lists it; {@code bundle} is its file in the kit. */
    public record KitVersion(String label, String notes, Long referencePriceMinor, String currency, Integer serviceMonths,
                             String outputMaterial, BigDecimal outputQuantity, String bundle) {
    }

    /** One design as the index lists it, versions oldest first; {@code forkedFrom} reads "slug@version", or null. */
    public record KitDesign(String slug, String name, String description, DesignStatus status, String licence, String authors,
                            String repo, String links, String forkedFrom, List<KitVersion> versions) {
    }

    private final DesignRepository designs;
    private final DesignService service;
    private final ChapterSettings chapter;
    private final Clock clock;

    DesignKit(DesignRepository designs, DesignService service, ChapterSettings chapter, Clock clock) {
        this.designs = designs;
        this.service = service;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** The index and one bundle per version, parents before their forks so a kit loads in one pass. */
    public Map<String, byte[]> export() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<KitDesign> index = new ArrayList<>();
        for (Design d : parentsFirst(designs.search(null))) {
            List<DesignVersion> versions = new ArrayList<>(designs.versions(d.id()));
            versions.sort(Comparator.comparing(DesignVersion::createdAt).thenComparingLong(DesignVersion::id));
            List<KitVersion> listed = new ArrayList<>();
            for (DesignVersion v : versions) {
                String file = "designs/" + d.slug() + "/" + v.label() + ".zip";
                files.put(file, DesignBundle.write(new DesignContent(d.name(), d.description(), d.licence(), d.authors(), repo(d), v.label(),
                        designs.lines(v.id()), designs.tasks(v.id()))));
                listed.add(new KitVersion(v.label(), v.notes(), v.referencePriceMinor(), v.referencePriceMinor() == null ? null : chapter.currency(),
                        v.serviceMonths(), v.outputMaterial(), v.outputQuantity(), file));
            }
            index.add(new KitDesign(d.slug(), d.name(), d.description(), d.status(), d.licence(), d.authors(), repo(d), d.links(),
                    lineage(d), listed));
        }
        files.put(INDEX, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        return files;
    }

    /** The index of a kit's files, or a problem naming what is wrong with it. */
    public static List<KitDesign> index(Map<String, byte[]> files) {
        byte[] index = files.get(INDEX);
        if (index == null) {
            throw InvalidInputException.of("kit", "the kit has no " + INDEX);
        }
        try {
            return JSON.readValue(new String(index, StandardCharsets.UTF_8), new TypeReference<List<KitDesign>>() { });
        } catch (RuntimeException e) {
            throw InvalidInputException.of("kit", INDEX + " is not a list of designs: " + e.getMessage());
        }
    }

    /**
     * Loads every design of a kit with all its versions; a design whose address is taken here already is left as it is.
     * Reference prices come along only when the kit's currency is this chapter's. Returns how many designs were added.
     */
    @Transactional
    public int load(Map<String, byte[]> files) {
        Map<String, Long> versionIds = new HashMap<>();
        Map<String, String> licences = new HashMap<>();
        int added = 0;
        for (KitDesign d : index(files)) {
            licences.put(d.slug(), d.licence());
            if (designs.find(d.slug()).isPresent() || d.versions() == null || d.versions().isEmpty()) {
                continue;
            }
            Long parent = d.forkedFrom() == null ? null : versionIds.get(d.forkedFrom());
            String parentLicence = d.forkedFrom() == null ? null : licences.get(d.forkedFrom().substring(0, Math.max(0, d.forkedFrom().indexOf('@'))));
            ShareAlike.problem(parentLicence, d.licence()).ifPresent(p -> {
                throw InvalidInputException.of("kit", "design " + d.slug() + ", a fork of " + d.forkedFrom() + ": " + p);
            });
            Long designId = null;
            for (KitVersion v : d.versions()) {
                DesignContent c = read(files, d, v);
                if (designId == null) {
                    designId = designs.insertDesign(d.slug(), d.name(), d.description() == null ? "" : d.description(), d.licence(),
                            d.authors() == null ? "" : d.authors(), d.status() == null ? DesignStatus.RELEASED : d.status(), d.repo(), parent,
                            clock.instant());
                    designs.update(designId, d.name(), d.description() == null ? "" : d.description(), d.licence(),
                            d.authors() == null ? "" : d.authors(), d.status() == null ? DesignStatus.RELEASED : d.status(), d.links());
                }
                long version = designs.insertVersion(designId, v.label(), v.notes() == null ? "" : v.notes(), clock.instant());
                if (v.referencePriceMinor() != null && chapter.currency().equals(v.currency())) {
                    designs.setReferencePrice(version, v.referencePriceMinor());
                }
                designs.setServiceMonths(version, v.serviceMonths());
                designs.setOutput(version, v.outputMaterial(), v.outputQuantity());
                int seq = 0;
                for (BomLine l : c.lines()) {
                    designs.insertLine(version, seq++, l);
                }
                for (BuildTask t : c.tasks()) {
                    designs.insertTask(version, t);
                }
                versionIds.put(d.slug() + "@" + v.label(), version);
            }
            added++;
        }
        return added;
    }

    /** A version's bundle, read and checked as an import is; any problem refuses the whole kit. */
    private DesignContent read(Map<String, byte[]> files, KitDesign d, KitVersion v) {
        byte[] zip = files.get(v.bundle());
        if (zip == null) {
            throw InvalidInputException.of("kit", "design " + d.slug() + " version " + v.label() + ": the kit has no " + v.bundle());
        }
        DesignBundle.Read read = DesignBundle.read(zip);
        List<String> problems = service.check(read.content(), read.problems());
        if (!problems.isEmpty()) {
            throw InvalidInputException.of("kit", v.bundle() + ": " + String.join("; ", problems));
        }
        return read.content();
    }

    private String lineage(Design d) {
        if (d.forkedFrom() == null) {
            return null;
        }
        DesignVersion v = designs.version(d.forkedFrom()).orElseThrow();
        return designs.findById(v.designId()).orElseThrow().slug() + "@" + v.label();
    }

    private String repo(Design d) {
        return d.repo() == null || d.repo().isBlank() ? chapter.publicUrl() + "/designs/" + d.slug() : d.repo();
    }

    /** Designs ordered so that each comes after the design it was forked from. */
    private List<Design> parentsFirst(List<Design> all) {
        Map<Long, Long> designOfVersion = new HashMap<>();
        for (Design d : all) {
            for (DesignVersion v : designs.versions(d.id())) {
                designOfVersion.put(v.id(), d.id());
            }
        }
        Map<Long, Design> byId = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparingLong(Design::id)).forEach(d -> byId.put(d.id(), d));
        List<Design> ordered = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        for (Design d : byId.values()) {
            place(d, byId, designOfVersion, placed, ordered);
        }
        return ordered;
    }

    private static void place(Design d, Map<Long, Design> byId, Map<Long, Long> designOfVersion, Set<Long> placed,
                              List<Design> ordered) {
        if (!placed.add(d.id())) {
            return;
        }
        if (d.forkedFrom() != null) {
            Design parent = byId.get(designOfVersion.get(d.forkedFrom()));
            if (parent != null) {
                place(parent, byId, designOfVersion, placed, ordered);
            }
        }
        ordered.add(d);
    }
}
