package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import microfactory.support.Cli;

/** Projects made in ProGen's manner: PSPLIB text our reader takes, with the structure the parameters ask for. */
class ProgenLikeTest {

    @TempDir Path dir;

    private static Project parse(String text) {
        return InstanceReaders.psplib("generated", Arrays.asList(text.split("\n")));
    }

    @Test
    void aProjectHasProGensStructureAndItsStatedCriticalPath() {
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 30; k++) {
            ProgenLike.Parameters p = ProgenLike.j120Like(random, 120);
            String text = ProgenLike.generate(p, k);
            Project project = parse(text);
            List<Task> tasks = project.tasks();
            assertThat(tasks).hasSize(122);
            assertThat(project.machines()).hasSize(4);
            int sink = 122;
            int arcs = 0;
            int overThree = 0;
            int[] successors = new int[sink + 1];
            for (Task t : tasks) {
                arcs += t.predecessors().size();
                for (int pred : t.predecessors()) {
                    assertThat(pred).as("arcs go from lower to higher numbers").isLessThan(t.id());
                    successors[pred]++;
                }
                if (t.id() != 1 && t.id() != sink) {
                    assertThat(t.duration()).isBetween(1, 10);
                    assertThat(t.machines().values()).isNotEmpty().allSatisfy(d -> assertThat(d).isBetween(1, 10));
                    long fromSource = t.predecessors().stream().filter(x -> x == 1).count();
                    assertThat(t.predecessors().size() - fromSource).isLessThanOrEqualTo(4);
                    overThree += t.predecessors().size() - fromSource > 3 ? 1 : 0;
                }
            }
            for (int j = 2; j < sink; j++) {
                assertThat(successors[j]).as("job %d's successors", j).isBetween(1, 3);
            }
            assertThat(overThree).as("jobs with a fourth predecessor, where no later job had room").isLessThanOrEqualTo(3);
            assertThat(successors[1]).as("start jobs").isEqualTo(3);
            assertThat(tasks.get(sink - 1).predecessors()).as("finish jobs").hasSize(3);
            // Network complexity: arcs per node, as asked where the three-arc limits allow (ProGen's own tolerance is similar).
            assertThat((double) arcs / 122).as(p.toString()).isCloseTo(p.networkComplexity(), offset(0.1));
            // Every job fits (capacity at least the largest demand), so the project has a schedule.
            for (MachineType r : project.machines()) {
                int largest = tasks.stream().mapToInt(t -> t.machines().getOrDefault(r.type(), 0)).max().orElse(0);
                assertThat(r.count()).isGreaterThanOrEqualTo(largest);
            }
            int stated = Integer.parseInt(text.lines().filter(l -> l.startsWith("    1  ")).findFirst().orElseThrow().trim().split("\\s+")[5]);
            assertThat(stated).isEqualTo(LowerBounds.criticalPath(Compiled.of(project)));
        }
    }

    @Test
    void theSameSeedWritesTheSameProject() {
        ProgenLike.Parameters p = new ProgenLike.Parameters(60, 1.8, 0.5, 0.2);
        assertThat(ProgenLike.generate(p, 7)).isEqualTo(ProgenLike.generate(p, 7)).isNotEqualTo(ProgenLike.generate(p, 8));
    }

    @Test
    void resourceStrengthOneLeavesNoConflictSoTheCriticalPathIsTheOptimum() {
        Project loose = parse(ProgenLike.generate(new ProgenLike.Parameters(30, 1.5, 1.0, 1.0), 3));
        Solver.Result r = Solver.solve(loose, Solver.Options.defaults().withMaxSchedules(1_000));
        assertThat(r.makespan()).isEqualTo(LowerBounds.criticalPath(Compiled.of(loose)));
    }

    @Test
    void theVerbWritesASetThatTheBenchSolves() throws Exception {
        Path set = dir.resolve("set");
        Cli.Result made = Cli.run("schedule", "generate", set.toString(), "--jobs", "30", "--count", "3", "--seed", "4");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("Wrote 3 projects of 30 jobs");
        try (Stream<Path> files = Files.list(set)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("p00.sm", "p01.sm", "p02.sm");
        }
        Cli.Result bench = Cli.run("schedule", "bench", "--format", "psplib", set.toString(), "--max-schedules", "2000",
                "--out", dir.resolve("results.csv").toString());
        assertThat(bench.code()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("3 feasible (checked)");
        assertThat(Cli.run("schedule", "generate", set.toString(), "--jobs", "5").code()).isEqualTo(2);
    }
}
