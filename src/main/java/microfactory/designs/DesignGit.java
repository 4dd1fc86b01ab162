package microfactory.designs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.springframework.stereotype.Service;

import microfactory.common.ChapterSettings;

/**
 * Each design as a git repository, read-only: one commit per version, oldest first, holding the version's OKH manifest,
 * BOM, tasks, licence and a README; authored by the design's authors at the version's time, committed by the chapter;
 * {@code main} at the latest version and a tag {@code v<label>} for each. Built in memory from the catalogue, the same
 * content giving the same commit ids, and kept until the design changes or has another version (versions never change).
 */
@Service
public class DesignGit {

    private final DesignRepository designs;
    private final ChapterSettings chapter;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    private record Built(Design design, List<Long> versions, Repository repository) {
    }

    DesignGit(DesignRepository designs, ChapterSettings chapter) {
        this.designs = designs;
        this.chapter = chapter;
    }

    /** The design's repository, or empty when there is no such design. */
    public Optional<Repository> repository(String slug) {
        return designs.find(slug).map(d -> {
            List<DesignVersion> versions = new ArrayList<>(designs.versions(d.id()));
            versions.sort(Comparator.comparing(DesignVersion::createdAt).thenComparingLong(DesignVersion::id));
            List<Long> ids = versions.stream().map(DesignVersion::id).toList();
            Built b = built.get(slug);
            if (b == null || !b.versions().equals(ids) || !b.design().equals(d)) {
                b = new Built(d, ids, build(d, versions));
                built.put(slug, b);
            }
            return b.repository();
        });
    }

    private Repository build(Design d, List<DesignVersion> versions) {
        try {
            InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription(d.slug()));
            ObjectId head = null;
            List<ObjectId> commits = new ArrayList<>();
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                for (DesignVersion v : versions) {
                    DesignContent c = new DesignContent(d.name(), d.description(), d.licence(), d.authors(), repo(d), v.label(),
                            designs.lines(v.id()), designs.tasks(v.id()));
                    TreeFormatter tree = new TreeFormatter();
                    for (Map.Entry<String, String> f : files(d, c, v).entrySet()) {
                        tree.append(f.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
                    }
                    CommitBuilder commit = new CommitBuilder();
                    commit.setTreeId(inserter.insert(tree));
                    if (head != null) {
                        commit.setParentId(head);
                    }
                    String authors = d.authors() == null || d.authors().isBlank() ? d.name() + " authors" : d.authors();
                    commit.setAuthor(new PersonIdent(authors, "designs@" + host(), v.createdAt(), ZoneOffset.UTC));
                    commit.setCommitter(new PersonIdent(chapter.chapterName(), "designs@" + host(), v.createdAt(), ZoneOffset.UTC));
                    commit.setMessage("Version " + v.label() + "\n" + (v.notes() == null || v.notes().isBlank() ? "" : "\n" + v.notes().strip() + "\n"));
                    head = inserter.insert(commit);
                    commits.add(head);
                }
                inserter.flush();
            }
            for (int i = 0; i < versions.size(); i++) {
                set(repo, Constants.R_TAGS + "v" + versions.get(i).label(), commits.get(i));
            }
            if (head != null) {
                set(repo, Constants.R_HEADS + "main", head);
                repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + "main");
            }
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException("building a repository in memory", e);
        }
    }

    private static void set(Repository repo, String ref, ObjectId id) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.update();
    }

    /** A version's files, sorted as a git tree wants them. */
    private Map<String, String> files(Design d, DesignContent c, DesignVersion v) {
        Map<String, String> files = new TreeMap<>();
        files.put("okh.toml", DesignBundle.okhToml(c));
        files.put("bom.csv", DesignBundle.bomCsv(c.lines()));
        files.put("tasks.csv", DesignBundle.tasksCsv(c.tasks()));
        files.put("LICENSE.txt", "This design is licensed under " + c.licence() + " (SPDX).\nLicensor: " + c.licensor()
                + "\nSee https://spdx.org/licenses/ for the licence text.\n");
        files.put("README.md", "# " + d.name() + "\n\n" + (d.description() == null ? "" : d.description().strip() + "\n\n")
                + "Version " + v.label() + ". Licence: " + d.licence() + ". Authors: " + (d.authors() == null ? "" : d.authors()) + ".\n\n"
                + "Built and shared by " + chapter.chapterName() + ": " + chapter.publicUrl() + "/designs/" + d.slug() + "\n");
        return files;
    }

    private String repo(Design d) {
        return d.repo() == null || d.repo().isBlank() ? chapter.publicUrl() + "/designs/" + d.slug() : d.repo();
    }

    private String host() {
        return chapter.publicUrl().replaceFirst("^https?://", "").replaceAll("[:/].*$", "");
    }
}
