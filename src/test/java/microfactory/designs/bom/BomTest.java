package microfactory.designs.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import microfactory.support.SharedData;

class BomTest {

    static Bom read(String csv, List<BomProblem> problems) {
        CsvBomReader.Read r = CsvBomReader.read("test.csv", csv);
        problems.addAll(r.problems());
        return Bom.of("test.csv", "tractor", r.lines(), problems);
    }

    static Map<String, BigDecimal> flat(Bom bom) {
        Map<String, BigDecimal> m = new java.util.TreeMap<>();
        bom.flat().forEach(t -> m.put(t.part(), t.quantity()));
        return m;
    }

    @Test
    void aMultiLevelBomExplodesCostsAndTotalsMaterials() {
        List<BomProblem> problems = new ArrayList<>();
        Bom bom = read("""
                level,part,quantity,unit,type,unit_price,currency,material_class,material_quantity,material_unit
                1,frame,1,pcs,assembly,,,,,
                2,tube 4x4 x 2m,4,pcs,made,,,steel,29.1,kg
                2,bolt M16,24,pcs,bought,1.20,USD,,,
                1,wheel unit,4,pcs,assembly,,,,,
                2,hydraulic motor,1,pcs,bought,350.00,USD,,,
                2,bolt M16,8,pcs,bought,1.20,USD,,,
                2,wheel,1,pcs,bought,180,USD,,,
                1,hose,6.5,m,bought,4.00,USD,,,
                """, problems);
        assertThat(problems).isEmpty();
        assertThat(flat(bom)).containsEntry("bolt M16", new BigDecimal("56")).containsEntry("hydraulic motor", new BigDecimal("4"))
                .containsEntry("tube 4x4 x 2m", new BigDecimal("4")).containsEntry("hose", new BigDecimal("6.5"));
        // 56 × 1.20 + 4 × 350 + 4 × 180 + 6.5 × 4.00 = 67.20 + 1400 + 720 + 26 = 2213.20
        assertThat(bom.cost()).isEqualTo(Map.of("USD", 221_320L));
        assertThat(bom.materials()).containsEntry("steel (kg)", new BigDecimal("116.4"));
        Bom.Node tree = bom.tree(10);
        assertThat(tree.children()).extracting(Bom.Node::part).containsExactly("frame", "wheel unit", "hose");
        assertThat(tree.children().get(1).children()).hasSize(3);
    }

    @Test
    void aSharedSubAssemblyCountsOnEveryPathAndACycleIsRefused() {
        List<BomProblem> problems = new ArrayList<>();
        Bom diamond = read("""
                parent,part,quantity
                ,A,1
                A,B,2
                A,C,1
                B,D,3
                C,D,2
                D,screw,4
                """, problems);
        assertThat(problems).isEmpty();
        assertThat(flat(diamond)).isEqualTo(Map.of("screw", new BigDecimal("32"))); // (2×3 + 1×2) × 4

        List<BomProblem> cyclic = new ArrayList<>();
        Bom loop = read("""
                parent,part,quantity
                ,A,1
                A,B,1
                B,C,1
                C,A,2
                """, cyclic);
        assertThat(cyclic).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("'A' contains itself");
        });
        assertThat(loop.flat()).isEmpty();
    }

    @Test
    void badLinesAreNamedWithWhatIsAllowedAndTheRestIsRead() {
        List<BomProblem> problems = new ArrayList<>();
        read("""
                level,part,quantity,unit
                1,frame,1,pcs
                2,tube,-4,pcs
                2,plate,two,pcs
                2,paint,3,buckets
                4,bolt,1,pcs
                1,,1,pcs
                """, problems);
        assertThat(problems).extracting(BomProblem::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(problems.get(0).message()).contains("must be above zero");
        assertThat(problems.get(1).message()).contains("'two' is not a number");
        assertThat(problems.get(2).message()).contains("unknown unit 'buckets'").contains("pcs, mm");
        assertThat(problems.get(3).message()).contains("level 4 cannot follow level 1");
        assertThat(CsvBomReader.read("x.csv", "qty,unit\n1,pcs").problems().get(0).toString()).isEqualTo(
                "x.csv:1: no part column: name one of part, name, item (header: [qty, unit])");
    }

    @Test
    void spdxExpressionsAreChecked() {
        assertThat(Spdx.problem("CERN-OHL-S-2.0")).isEmpty();
        assertThat(Spdx.problem("(MIT OR Apache-2.0) AND CC-BY-SA-4.0")).isEmpty();
        assertThat(Spdx.problem("GPL-2.0-or-later WITH Classpath-exception-2.0")).isEmpty();
        assertThat(Spdx.problem("LicenseRef-OSE-License")).isEmpty();
        assertThat(Spdx.problem("Open Source")).hasValueSatisfying(p -> assertThat(p).contains("'Open'"));
        assertThat(Spdx.problem("MIT AND")).hasValueSatisfying(p -> assertThat(p).contains("incomplete"));
        assertThat(Spdx.problem("GPL3")).hasValueSatisfying(p -> assertThat(p).contains("not an SPDX licence id"));
    }

    @Test
    void realOkhManifestsAndTheirBomsAreRead() throws Exception {
        DesignFile a = DesignFile.read(SharedData.require("designs/okh/losh-dummy/MOSH-A/okh.toml"));
        assertThat(a.name()).isEqualTo("LOSH Dummy MOSH-A");
        assertThat(a.version()).isEqualTo("1.0.2");
        assertThat(a.license()).isEqualTo("CERN-OHL-S-2.0");
        assertThat(a.problems()).isEmpty();
        assertThat(a.bom().flat()).anySatisfy(t -> {
            assertThat(t.part()).isEqualTo("threaded rod M8");
            assertThat(t.quantity()).isEqualByComparingTo("2");
        });
        DesignFile v1 = DesignFile.read(SharedData.require("designs/okh/okh-v1-examples/openflexure-microscope.okh.yml"));
        assertThat(v1.name()).containsIgnoringCase("microscope");
    }

    @Test
    void malformedTomlNamesTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("okh.toml");
        Files.writeString(bad, "okhv = \"2.0\"\nname = \"Press\"\nversion = = 1\n");
        DesignFile d = DesignFile.read(bad);
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("malformed TOML");
        });
    }
}
