package microfactory.network;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.common.ConflictException;
import microfactory.common.CsvRecords;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.designs.Design;
import microfactory.designs.DesignContent;
import microfactory.designs.DesignService;
import microfactory.designs.DesignVersion;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.CsvBomReader;
import microfactory.designs.bom.OkhManifest;
import microfactory.designs.bom.ShareAlike;
import tools.jackson.databind.JsonNode;

/**
 * Improvements between chapters: the designs of each verified chapter this one follows are fetched as git repositories
 * (JGit, their {@code /designs/<slug>.git}); each of their versions of a design this chapter has, and does not have at that
 * label, is offered with what it changes in the BOM and tasks. A steward accepts one (a new local version, its provenance
 * kept: chapter, version, commit) or declines it with a reason. A version whose BOM or tasks changed since it was seen means
 * its history was rewritten: the chapter is marked unverified and nothing more of it taken. A version under a share-alike licence
 * this design's licence may not take is refused with both licences named.
 */
@Service
public class Improvements {

    /** How many changes an improvement lists; the rest are counted. */
    static final int SHOWN = 8;
    private final NetworkRepository network;
    private final PeerClient peers;
    private final DesignService designs;
    private final Clock clock;
    private final TransactionTemplate transaction;

    private final long maxDesignBytes;

    Improvements(NetworkRepository network, PeerClient peers, DesignService designs, Clock clock, TransactionTemplate transaction,
                 @Value("${microfactory.network.max-design-bytes:67108864}") long maxDesignBytes) {
        this.maxDesignBytes = maxDesignBytes;
        this.network = network;
        this.peers = peers;
        this.designs = designs;
        this.clock = clock;
        this.transaction = transaction;
    }

    public List<Improvement> all() {
        return network.improvements();
    }

    /** What one pull found: new improvements, or why nothing was taken. */
    public record Pulled(String chapter, int offered, String problem) {
    }

    public List<Pulled> pullAll() {
        List<Pulled> all = new ArrayList<>();
        for (Peer p : network.all()) {
            all.add(pull(p));
        }
        return all;
    }

    public Pulled pull(long chapterId) {
        return pull(network.find(chapterId).orElseThrow(() -> new NotFoundException("followed chapter", Long.toString(chapterId))));
    }

    private Pulled pull(Peer p) {
        if (p.status() != PeerStatus.VERIFIED) {
            return new Pulled(p.name(), 0, "its ledger is not verified: nothing is taken from it");
        }
        Set<String> here = new HashSet<>(designs.catalogue(null).stream().map(Design::slug).toList());
        List<String> shared = new ArrayList<>();
        try {
            for (JsonNode d : ChapterDescriptions.JSON.readTree(peers.get(p.url(), "/api/v1/designs"))) {
                String slug = d.path("slug").asString("");
                if (here.contains(slug)) {
                    shared.add(slug);
                }
            }
        } catch (PeerException | RuntimeException e) {
            return unverified(p, "its designs could not be read: " + e.getMessage());
        }
        int offered = 0;
        for (String slug : shared) {
            try (Repository theirs = fetch(p.url() + "/designs/" + slug + ".git", maxDesignBytes)) {
                for (Version v : versions(theirs)) {
                    // A version's BOM and tasks never change; its commit may (the design's name or description in its README).
                    Optional<String[]> seen = network.seenFiles(p.id(), slug, v.label());
                    if (seen.isPresent() && !(seen.get()[0].equals(v.bom()) && seen.get()[1].equals(v.tasks()))) {
                        return unverified(p, "it rewrote the history of " + slug + ": its version " + v.label() + " now has another BOM or tasks");
                    }
                    if (seen.isEmpty() && offer(p, slug, v)) {
                        offered++;
                    }
                }
            } catch (IOException | URISyntaxException e) {
                return unverified(p, "its design " + slug + " could not be fetched: " + e.getMessage());
            }
        }
        return new Pulled(p.name(), offered, null);
    }

    private Pulled unverified(Peer p, String reason) {
        network.unverified(p.id(), PeerStatus.UNVERIFIED, reason, clock.instant());
        return new Pulled(p.name(), 0, reason);
    }

    /** A version of theirs: its label (from the tag v<label>), commit, and files. */
    private record Version(String label, String commit, String notes, String okh, String bom, String tasks) {
    }

    /** A design's repository fetched into memory, at most {@code maxBytes} of inflated objects. */
    static Repository fetch(String url, long maxBytes) throws IOException, URISyntaxException {
        InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("fetched"));
        repo.getConfig().setString("http", null, "followRedirects", "false"); // only the address a steward followed
        try (Transport transport = Transport.open(repo, new URIish(url))) {
            transport.setTimeout(20);
            transport.setObjectChecker(new CappedObjects(maxBytes));
            transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+refs/tags/*:refs/tags/*"), new RefSpec("+refs/heads/*:refs/heads/*")));
        } catch (TransportException | CappedObjects.TooLarge e) {
            repo.close();
            throw new IOException(e.getMessage(), e);
        }
        return repo;
    }

    private static List<Version> versions(Repository repo) throws IOException {
        List<Version> versions = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = tag.getName().substring(Constants.R_TAGS.length());
                if (!name.startsWith("v") || !name.substring(1).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
                    continue;
                }
                RevCommit c = walk.parseCommit(tag.getObjectId());
                String message = c.getFullMessage();
                String notes = message.contains("\n\n") ? message.substring(message.indexOf("\n\n") + 2).strip() : "";
                versions.add(new Version(name.substring(1), c.getName(), notes, file(repo, c, "okh.toml"), file(repo, c, "bom.csv"),
                        file(repo, c, "tasks.csv")));
            }
        }
        return versions;
    }

    private static String file(Repository repo, RevCommit c, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw == null ? "" : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Stores the version as an improvement (or refused by its licence) when this design has no version of that label. */
    private boolean offer(Peer p, String slug, Version v) {
        Set<String> labels = new HashSet<>(designs.versions(slug).stream().map(DesignVersion::label).toList());
        if (labels.contains(v.label())) {
            return false;
        }
        Design here = designs.get(slug);
        String licence = OkhManifest.read("okh.toml", v.okh()).licence();
        Optional<String> forbidden = ShareAlike.problem(licence == null ? "" : licence, here.licence());
        String changes = changes(designs.content(slug), v);
        network.insertImprovement(p.id(), slug, v.label(), v.commit(), licence == null ? "" : licence, v.notes(), v.bom(), v.tasks(), changes,
                forbidden.isPresent() ? ImprovementStatus.REFUSED : ImprovementStatus.OFFERED, forbidden.orElse(null), clock.instant());
        return forbidden.isEmpty();
    }

    /** What their version changes against this chapter's latest: parts added, removed or in another quantity; tasks likewise. */
    static String changes(DesignContent ours, Version theirs) {
        Map<String, BigDecimal> before = quantities(ours.lines());
        Map<String, BigDecimal> after = quantities(CsvBomReader.read("bom.csv", theirs.bom()).lines());
        List<String> said = new ArrayList<>();
        after.forEach((part, q) -> {
            if (!before.containsKey(part)) {
                said.add("BOM adds " + part + " × " + q.toPlainString());
            } else if (before.get(part).compareTo(q) != 0) {
                said.add("BOM: " + part + " " + before.get(part).toPlainString() + " → " + q.toPlainString());
            }
        });
        before.keySet().stream().filter(part -> !after.containsKey(part)).forEach(part -> said.add("BOM drops " + part));
        Map<String, Integer> tasksBefore = new LinkedHashMap<>();
        ours.tasks().forEach(t -> tasksBefore.put(t.code(), t.minutes()));
        Map<String, Integer> tasksAfter = tasks(theirs.tasks());
        tasksAfter.forEach((code, minutes) -> {
            if (!tasksBefore.containsKey(code)) {
                said.add("adds task " + code + " (" + minutes + " min)");
            } else if (!tasksBefore.get(code).equals(minutes)) {
                said.add("task " + code + " " + tasksBefore.get(code) + " → " + minutes + " min");
            }
        });
        tasksBefore.keySet().stream().filter(code -> !tasksAfter.containsKey(code)).forEach(code -> said.add("drops task " + code));
        if (said.isEmpty()) {
            return "the same BOM and tasks";
        }
        return said.size() <= SHOWN ? String.join("; ", said) : String.join("; ", said.subList(0, SHOWN)) + "; and " + (said.size() - SHOWN) + " more";
    }

    private static Map<String, BigDecimal> quantities(List<BomLine> lines) {
        Map<String, BigDecimal> q = new LinkedHashMap<>();
        lines.forEach(l -> q.merge(l.part(), l.quantity(), BigDecimal::add));
        return q;
    }

    private static Map<String, Integer> tasks(String csv) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        try {
            List<CsvRecords.Record> records = CsvRecords.read(csv, ',');
            for (CsvRecords.Record r : records.isEmpty() ? records : records.subList(1, records.size())) {
                if (r.fields().size() > 2 && r.fields().get(2).strip().matches("\\d{1,9}")) {
                    tasks.put(r.fields().get(0).strip(), Integer.parseInt(r.fields().get(2).strip()));
                }
            }
        } catch (IllegalArgumentException e) {
            // a tasks file that does not read changes nothing that can be said; accepting it will name its problems
        }
        return tasks;
    }

    /** Takes an offered improvement as a new local version, its provenance kept; refused (with every problem) as a new version is. */
    public DesignVersion accept(long id) {
        return transaction.execute(status -> {
            String[] files = network.improvementFiles(id).orElseThrow(() -> new NotFoundException("improvement", Long.toString(id)));
            Improvement i = open(id);
            Peer p = network.find(i.chapterId()).orElseThrow();
            String provenance = p.name() + " (" + p.url() + ") version " + i.label() + ", commit " + i.commitId();
            DesignVersion v = designs.newVersion(i.designSlug(), i.label(), i.notes().isBlank() ? "From " + p.name() : i.notes(), "bom.csv",
                    files[0], files[1], provenance);
            network.decide(id, ImprovementStatus.ACCEPTED, null, clock.instant());
            return v;
        });
    }

    public Improvement decline(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why, for the chapter that made it");
        }
        return transaction.execute(status -> {
            open(id);
            network.decide(id, ImprovementStatus.DECLINED, reason.strip().length() > 1000 ? reason.strip().substring(0, 1000) : reason.strip(),
                    clock.instant());
            return network.improvement(id).orElseThrow();
        });
    }

    private Improvement open(long id) {
        Improvement i = network.improvement(id).orElseThrow(() -> new NotFoundException("improvement", Long.toString(id)));
        if (i.status() != ImprovementStatus.OFFERED) {
            throw new ConflictException("The improvement was " + i.status().name().toLowerCase() + " already.");
        }
        return i;
    }
}
