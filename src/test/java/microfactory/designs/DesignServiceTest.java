package microfactory.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.common.InvalidInputException;
import microfactory.designs.bom.Bom;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.PartKind;
import microfactory.designs.bom.Unit;
import microfactory.support.DatabaseTest;
import microfactory.support.SharedData;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

@DatabaseTest
class DesignServiceTest {

    @Autowired DesignService designs;
    @Autowired JdbcClient jdbc;

    long count() {
        return jdbc.sql("select count(*) from design").query(Long.class).single();
    }

    @Test
    void theDemoCatalogueHoldsRealScaleDesignsAndAFork() {
        assertThat(designs.catalogue(null)).extracting(Design::slug)
                .contains("ceb-press", "lifetrac", "3d-printer", "solar-panel", "wall-module-4x8", "lifetrac-maysville");
        DesignView trac = designs.view("lifetrac");
        assertThat(trac.tasks().tasks()).hasSize(25);
        assertThat(trac.tasks().problems()).isEmpty();
        assertThat(trac.tasks().criticalPath()).startsWith("T01", "T03").endsWith("T25");
        assertThat(trac.forks()).extracting(Lineage::slug).containsExactly("lifetrac-maysville");
        assertThat(designs.view("lifetrac-maysville").forkedFrom().slug()).isEqualTo("lifetrac");
        // 4 wheel units × 8 wheel bolts each
        assertThat(trac.bom().flat()).anySatisfy(t -> {
            assertThat(t.part()).isEqualTo("wheel bolt 1/2 in");
            assertThat(t.quantity()).isEqualByComparingTo("32");
        });
        assertThat(designs.view("wall-module-4x8").bom().cost()).containsEntry("USD", 5_818L); // 7 × 5.48 + 12.50 + 60 × .04 + 80 × .03 + 12 × .21 = 58.18
        assertThat(designs.view("ceb-press").bom().materials()).containsKey("steel (kg)");
        // Sized like the real vIV press, whose CAD holds 519 part instances.
        BigDecimal instances = designs.view("ceb-press").bom().flat().stream()
                .filter(t -> t.unit().equals("pcs")).map(Bom.Total::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(instances.intValue()).isBetween(450, 650);
    }

    @Test
    void aBundleImportsBackAsTheSameDesign() {
        DesignContent original = designs.content("ceb-press");
        Design copy = designs.importBundle("ceb-press-copy", designs.bundle("ceb-press"));
        DesignContent back = designs.content(copy.slug());
        assertThat(back.name()).isEqualTo(original.name());
        assertThat(back.licence()).isEqualTo(original.licence());
        assertThat(back.licensor()).isEqualTo(original.licensor());
        assertThat(back.version()).isEqualTo(original.version());
        assertThat(back.tasks()).isEqualTo(original.tasks());
        assertThat(back.lines()).hasSameSizeAs(original.lines());
        for (int k = 0; k < original.lines().size(); k++) {
            BomLine a = original.lines().get(k);
            BomLine b = back.lines().get(k);
            assertThat(List.of(String.valueOf(b.parent()), b.part(), b.quantity().toPlainString(), b.unit().symbol(), String.valueOf(b.kind()),
                    String.valueOf(b.unitPriceMinor()), String.valueOf(b.materialClass())))
                    .isEqualTo(List.of(String.valueOf(a.parent()), a.part(), a.quantity().toPlainString(), a.unit().symbol(),
                            String.valueOf(a.kind()), String.valueOf(a.unitPriceMinor()), String.valueOf(a.materialClass())));
        }
        assertThat(designs.view(copy.slug()).bom().cost()).isEqualTo(designs.view("ceb-press").bom().cost());
    }

    @Test
    void aDesignWithACycleAnUnknownSkillOrAFalseLicenceIsRefusedAndNothingStored() {
        long before = count();
        List<BomLine> cyclic = new ArrayList<>();
        cyclic.add(line(2, null, "A"));
        cyclic.add(line(3, "A", "B"));
        cyclic.add(line(4, "B", "A"));
        List<BuildTask> tasks = List.of(new BuildTask("X", "levitate", 10, null, BuildTask.parseSkills("magic:1x1"),
                Map.of(), List.of("Y"), List.of()));
        DesignContent bad = new DesignContent("Perpetual motion", "", "Free for all", "", "", "1", cyclic, tasks);
        assertThatThrownBy(() -> designs.create("perpetual", bad, null)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.getMessage()).contains("contains itself").contains("'Free' is not an SPDX licence id")
                        .contains("needs skill 'magic'").contains("waits for 'Y'"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theExportedManifestHasEveryFieldTheOkhLoshSchemaRequires() throws Exception {
        var schema = JsonMapper.builder().build().readTree(
                SharedData.require("designs/okh/openknowhow/okh.schema.json").toFile());
        var toml = TomlMapper.builder().build().readTree(DesignBundle.okhToml(designs.content("solar-panel")));
        for (var required : schema.get("required").values()) {
            assertThat(toml.path(required.asString()).asString("")).as(required.asString()).isNotBlank();
        }
        assertThat(toml.get("okhv").asString()).isEqualTo(schema.get("properties").get("okhv").get("const").asString());
        assertThat(toml.get("repo").asString()).matches("https?://\\S+");
    }

    static BomLine line(int n, String parent, String part) {
        return new BomLine(n, parent, part, BigDecimal.ONE, Unit.of("pcs").orElseThrow(), PartKind.ASSEMBLY, null, null, null, null,
                null, null, null, null, null);
    }
}
