package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import microfactory.support.Cli;
import microfactory.support.SharedData;

/** {@code schedule bench}: the figures the literature uses (above the critical path, above the best known), every schedule checked. */
class ScheduleCommandTest {

    @TempDir Path dir;

    @Test
    void benchPrintsTheMeanAboveTheCriticalPathAndTheBestKnown() throws Exception {
        Path instances = Files.createDirectories(dir.resolve("tiny"));
        Files.copy(Path.of("src/test/resources/scheduling/tiny.sm"), instances.resolve("tiny.sm"));
        // The critical path is 5 (job 2 then job 4); jobs 2 and 3 cannot overlap, so the optimum is 7: 40 % above the path.
        Files.writeString(dir.resolve("tiny-bounds.csv"), "instance,cpm_lb,lb,ub,status\ntiny,5,7,7,optimal\n");
        Cli.Result r = Cli.run("schedule", "bench", "--format", "psplib", instances.toString(), "--max-schedules", "2000",
                "--threads", "2", "--out", dir.resolve("results.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 feasible (checked)")
                .contains("mean above the critical-path bound: 40.00% over 1 instances (the best known makespans: 40.00%)")
                .contains("mean deviation from the optimum: 0.000% over 1 instances; 1 matched or beat it");
        List<String> rows = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(rows).hasSize(2).first().isEqualTo("instance,makespan,lower_bound,seconds,schedules");
        assertThat(rows.get(1)).matches("tiny,7,\\d+,\\d+\\.\\d{3},\\d+");
        long schedules = Long.parseLong(rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1));
        // The budget, but for a list's justification finishing its last two passes.
        assertThat(schedules).isBetween(1L, 2_002L);
        assertThat(r.out()).contains("s and " + schedules + " schedules per instance on average");
    }

    @Test
    void j60InstancesAreSolvedInParallelAndCheckedWithTheBestKnownNamedAsSuch() {
        Path j60 = SharedData.require("psplib/j60");
        Cli.Result r = Cli.run("schedule", "bench", "--format", "psplib", j60.toString(), "--limit", "4", "--max-schedules", "5000",
                "--threads", "2", "--out", dir.resolve("results.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 instances").contains("4 feasible (checked)").contains("mean above the critical-path bound: ")
                .containsPattern("mean deviation from the (optimum|best known makespan \\(\\d proven optimal\\)): ");
        Matcher mean = Pattern.compile("(\\d+) schedules per instance on average").matcher(r.out());
        assertThat(mean.find()).as(r.out()).isTrue();
        // Within the budget, but for a list's justification finishing its last two passes in each of the two halves.
        assertThat(Long.parseLong(mean.group(1))).isBetween(1L, 5_004L);
        List<String> order = r.out().lines().filter(l -> l.startsWith("[")).map(l -> l.substring(0, l.indexOf(']') + 1)).toList();
        assertThat(order).as("results in the instances' order").containsExactly("[1/4]", "[2/4]", "[3/4]", "[4/4]");
    }

    @Test
    void badThreadsOrFormatAreRefused() {
        assertThat(Cli.run("schedule", "bench", "--format", "psplib", dir.toString(), "--threads", "0").code()).isEqualTo(2);
        assertThat(Cli.run("schedule", "bench", "--format", "xml", dir.toString()).code()).isEqualTo(2);
    }
}
