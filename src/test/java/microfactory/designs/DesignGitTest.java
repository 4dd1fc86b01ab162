package microfactory.designs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** {@code git clone} of a design with the stock git client: one commit per version with its authors, a tag for each, the OKH files. */
@DatabaseTest
class DesignGitTest {

    @LocalServerPort int port;
    @Autowired DesignService designs;
    @TempDir Path dir;

    record Run(int code, String out) {
    }

    Run git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aStockGitClientClonesADesignWithOneCommitPerVersion() throws Exception {
        Run clone = git(dir, "clone", "--quiet", "http://localhost:" + port + "/designs/lifetrac.git", "lifetrac");
        assertThat(clone.code()).as(clone.out()).isZero();
        Path work = dir.resolve("lifetrac");
        assertThat(work.resolve("okh.toml")).exists();
        assertThat(Files.readString(work.resolve("okh.toml"))).contains("license = 'GPL-3.0-or-later'");
        assertThat(Files.readString(work.resolve("bom.csv"))).startsWith(DesignBundle.BOM_HEADER);
        assertThat(work.resolve("tasks.csv")).exists();
        assertThat(work.resolve("README.md")).exists();

        List<DesignVersion> versions = designs.versions("lifetrac");
        Run log = git(work, "log", "--format=%an|%s");
        assertThat(log.out().strip().lines()).hasSize(versions.size())
                .allSatisfy(line -> assertThat(line).startsWith("Open Source Ecology|Version "));
        assertThat(log.out()).contains("Version " + versions.get(0).label());
        Run tags = git(work, "tag");
        assertThat(tags.out().strip().lines()).containsExactlyInAnyOrderElementsOf(versions.stream().map(v -> "v" + v.label()).toList());

        Run again = git(dir, "clone", "--quiet", "http://localhost:" + port + "/designs/lifetrac.git", "again");
        assertThat(git(dir.resolve("again"), "rev-parse", "HEAD").out()).as("the same content gives the same commits")
                .isEqualTo(git(work, "rev-parse", "HEAD").out());
    }

    @Test
    void anUnknownDesignOrAPushIsRefused() throws Exception {
        Run missing = git(dir, "clone", "--quiet", "http://localhost:" + port + "/designs/no-such-design.git", "missing");
        assertThat(missing.code()).isNotZero();
        assertThat(new Http(port).get("/designs/lifetrac.git/info/refs?service=git-receive-pack").statusCode()).isEqualTo(403);
    }
}
