package microfactory.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import microfactory.support.SharedData;

class InstanceReadersTest {

    static Path fixture(String name) throws Exception {
        return Path.of(InstanceReadersTest.class.getResource("/scheduling/" + name).toURI());
    }

    @Test
    void readsPsplibJobsPrecedencesAndCapacities() throws Exception {
        Project p = InstanceReaders.psplib(fixture("tiny.sm"));
        assertThat(p.tasks()).hasSize(5);
        assertThat(p.machines()).containsExactly(new MachineType("R1", 3));
        Task four = p.tasks().get(3);
        assertThat(four.id()).isEqualTo(4);
        assertThat(four.duration()).isEqualTo(2);
        assertThat(four.predecessors()).containsExactly(2);
        assertThat(four.machines()).isEqualTo(Map.of("R1", 1));
        assertThat(p.tasks().get(4).predecessors()).containsExactlyInAnyOrder(3, 4);
    }

    @Test
    void readsImopsePeopleSkillsAndTasks() throws Exception {
        Project p = InstanceReaders.imopse(fixture("tiny.def"));
        assertThat(p.people()).hasSize(2);
        assertThat(p.people().get(0).skills()).isEqualTo(Map.of("Q1", 2, "Q2", 1));
        assertThat(p.tasks()).hasSize(4);
        assertThat(p.tasks().get(3).predecessors()).containsExactly(2, 3);
        assertThat(p.tasks().get(0).people()).containsExactly(new Requirement("Q1", 2, 1));
    }

    @Test
    void aMalformedLineIsNamedByFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("tiny.sm")));
        lines.set(21, "  2      1     three   2");
        assertThatThrownBy(() -> InstanceReaders.psplib("broken.sm", lines)).isInstanceOf(InstanceFormatException.class)
                .hasMessage("broken.sm:22: expected a whole number, got 'three'");
        List<String> def = new ArrayList<>(Files.readAllLines(fixture("tiny.def")));
        def.set(9, "1 10.0 Q1 2");
        assertThatThrownBy(() -> InstanceReaders.imopse("broken.def", def)).isInstanceOf(InstanceFormatException.class)
                .hasMessageStartingWith("broken.def:10: ");
        assertThatThrownBy(() -> InstanceReaders.psplib("empty.sm", List.of("nothing here")))
                .hasMessageContaining("empty.sm:1: incomplete file");
    }

    @Test
    void readsEveryPublicInstance() throws Exception {
        Path j30 = SharedData.require("psplib/j30");
        try (var files = Files.list(j30)) {
            assertThat(files.filter(f -> f.toString().endsWith(".sm")).map(f -> {
                try {
                    return InstanceReaders.psplib(f);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(p -> p.tasks().size() == 32 && p.machines().size() == 4).count()).isEqualTo(480);
        }
        try (var files = Files.list(SharedData.require("imopse/d36"))) {
            assertThat(files.map(f -> {
                try {
                    return InstanceReaders.imopse(f);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(p -> p.tasks().size() >= 75 && p.people().size() >= 5).count()).isEqualTo(36);
        }
    }
}
