package microfactory.designs.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Map<String, BigDecimal> m = new TreeMap<>();
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
        assertThat(Spdx.problem("OSL-3.0")).isEmpty(); // rarer ids come from the full SPDX License List
        assertThat(Spdx.problem("TAPR-OHL-1.0 OR Bitstream-Vera")).isEmpty();
        assertThat(Spdx.licenceCount()).isGreaterThan(600);
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
        assertThat(v1.license()).as("'CERN OHL v1.2' by the SPDX list's names").isEqualTo("CERN-OHL-1.2");
        assertThat(v1.problems()).isEmpty();
        assertThat(v1.mapped()).anySatisfy(m -> assertThat(m).contains("'CERN OHL v1.2' read as CERN-OHL-1.2"));
        // MOSH-B has no version, which OKH-LOSH requires: said, and the design is read.
        DesignFile b = DesignFile.read(SharedData.require("designs/okh/losh-dummy/MOSH-B/okh.toml"));
        assertThat(b.problems()).isEmpty();
        assertThat(b.version()).isEqualTo("1.0");
        assertThat(b.mapped()).anySatisfy(m -> assertThat(m).contains("lacks version"));
        assertThat(a.mapped()).contains("sBoM.csv: 'UNITS' as quantity", "1 [[part]] table(s): Clamp Ring in the BOM already");
    }

    @Test
    void oseMarkdownTablesBecomeAssembliesWithPricesAndTheirOddRowsAreNamed() throws Exception {
        CsvBomReader.Read r = MarkdownBomReader.read("bom.md", """
                # Press BOM

                ## Frame
                | Part | Qty | Unit | Subtotal | Source |
                |---|---:|---:|---:|---|
                | **4x4 tube** 1/4 in | 4 | $62 | $248 | [Metal yard](https://example.org) |
                | Bolt kit | 1 set | $15 | $15 | Fastenal |
                | **Total** | | | $263 | |

                ## Hydraulics
                | Description | Quantity | Purpose |
                |---|---|---|
                | Cylinder 5 in | 1 | Main press |
                | Hose | Variable | Plumbing |
                | Broken row | 2 |
                """);
        assertThat(r.problems()).extracting(BomProblem::line).containsExactly(14, 15);
        assertThat(r.problems().get(0).message()).contains("'Variable' of 'Hose' is not a number");
        assertThat(r.problems().get(1).message()).contains("2 cells but the table has 3 columns");
        List<BomProblem> problems = new ArrayList<>();
        Bom bom = Bom.of("bom.md", "Press BOM", r.lines(), problems);
        assertThat(flat(bom)).containsEntry("4x4 tube 1/4 in", new BigDecimal("4")).containsEntry("Bolt kit", new BigDecimal("1"))
                .containsEntry("Cylinder 5 in", new BigDecimal("1")).doesNotContainKey("Total");
        assertThat(bom.cost()).isEqualTo(Map.of("USD", 26_300L));
        assertThat(bom.tree(3).children()).extracting(Bom.Node::part).containsExactly("Frame", "Hydraulics");
    }

    @Test
    void realOseBomsAreRead() throws Exception {
        DesignFile controller = DesignFile.read(SharedData.require(
                "designs/ose/lifetrac/LifeTrac-v25/DESIGN-CONTROLLER/HARDWARE_BOM.md"));
        assertThat(controller.name()).contains("Hardware Bill of Materials");
        assertThat(controller.bom().flat().size()).isGreaterThan(25);
        assertThat(controller.bom().flat()).anySatisfy(t -> assertThat(t.part()).contains("Portenta X8"));
        assertThat(controller.bom().cost().get("USD")).isGreaterThan(100_000L);
        DesignFile structural = DesignFile.read(SharedData.require(
                "designs/ose/lifetrac/LifeTrac-v25/DESIGN-STRUCTURAL/documentation/BILL_OF_MATERIALS.md"));
        assertThat(structural.bom().flat()).anySatisfy(t -> {
            assertThat(t.part()).startsWith("4\" × 4\"");
            assertThat(t.quantity().signum()).isPositive();
        });
        assertThat(structural.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
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

    @Test
    void aSemicolonBomFromASpreadsheetReadsDecimalCommasAndEachCurrencysOwnMinorUnits() {
        String text = "level;part;quantity;unit;type;unit_price;currency\n"
                + "1;frame;1;pcs;assembly;;\n"
                + "2;\"bolt; M12\";16;pcs;bought;12,50;EUR\n"
                + "2;plate;1,5;kg;bought;1.234,50;USD\n"
                + "1;seat;1;pcs;bought;1500;JPY\n";
        CsvBomReader.Read read = CsvBomReader.read("bom.csv", text);
        assertThat(read.problems()).isEmpty();
        assertThat(read.lines()).extracting(BomLine::part).containsExactly("frame", "bolt; M12", "plate", "seat");
        assertThat(read.lines().get(1).unitPriceMinor()).isEqualTo(1250L); // 12,50 EUR, not 1250.00
        assertThat(read.lines().get(2).quantity()).isEqualByComparingTo("1.5");
        assertThat(read.lines().get(2).unitPriceMinor()).isEqualTo(123450L);
        assertThat(read.lines().get(3).unitPriceMinor()).isEqualTo(1500L); // yen have no minor unit
    }
}
