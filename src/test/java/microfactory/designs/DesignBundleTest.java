package microfactory.designs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.PartKind;

/** A design as a repository really holds it: a folder around everything, root paths, a licence by name, its own BOM columns, parts tables. */
class DesignBundleTest {

    static final String MANIFEST = """
            okhv = "2.4"
            name = "Garden Tractor Frame"
            repo = "https://example.org/maker/garden-frame"
            version = "0.3"
            license = "Creative Commons Attribution-ShareAlike 4.0 International"
            function = "The frame of a small garden tractor."
            bom = "/hardware/bom.csv"

            [licensor]
            name = "Jane Maker"
            email = "jane@example.org"

            [[part]]
            name = "Side plate"
            material = "steel"
            mass = 1200

            [[part]]
            name = "Axle bracket"
            material = "steel"
            """;
    static final String BOM = "POS,QTY,PART NAME,PART MANUFACTURER,PART CODE,UNIT PRICE (EUR)\n"
            + "1,4,Axle bracket,,,\n"
            + "2,16,M10 bolt,Würth,5771 10,\"0,35\"\n"
            + "3,2,Pillow block bearing,SKF,SY 25 TF,\"1.234,50\"\n";

    /** The zip a repository's "Download ZIP" gives: everything under one folder, the BOM under hardware/. */
    static byte[] repositoryZip() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("garden-frame-main/okh.toml", MANIFEST);
        files.put("garden-frame-main/hardware/bom.csv", BOM);
        files.put("garden-frame-main/README.md", "# Garden tractor frame\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aRepositorysZipIsReadAsItsManifestMeansIt() throws IOException {
        DesignBundle.Read read = DesignBundle.read(repositoryZip());
        assertThat(read.problems()).isEmpty();
        DesignContent c = read.content();
        assertThat(c.name()).isEqualTo("Garden Tractor Frame");
        assertThat(c.licence()).isEqualTo("CC-BY-SA-4.0");
        assertThat(c.licensor()).isEqualTo("Jane Maker");
        assertThat(c.lines()).extracting(BomLine::part).containsExactly("Axle bracket", "M10 bolt", "Pillow block bearing", "Side plate");
        BomLine bolt = c.lines().get(1);
        assertThat(bolt.unitPriceMinor()).isEqualTo(35L);
        assertThat(bolt.currency()).isEqualTo("EUR");
        assertThat(bolt.supplier()).isEqualTo("Würth 5771 10");
        assertThat(c.lines().get(2).unitPriceMinor()).isEqualTo(123_450L);
        BomLine plate = c.lines().get(3);
        assertThat(plate.kind()).isEqualTo(PartKind.MADE);
        assertThat(plate.materialClass()).isEqualTo("steel");
        assertThat(plate.materialQuantity()).isEqualByComparingTo("1200");
        assertThat(read.mapped()).contains("'/hardware/bom.csv' read from the repository's root: hardware/bom.csv",
                "licence 'Creative Commons Attribution-ShareAlike 4.0 International' read as CC-BY-SA-4.0 "
                        + "(Creative Commons Attribution Share Alike 4.0 International)",
                "bom.csv: 'QTY' as quantity", "bom.csv: 'POS' not used",
                "2 [[part]] table(s): Axle bracket in the BOM already; Side plate added as made parts");
    }

    @Test
    void aBomNamedFromTheRootIsFoundWhenTheFilesWereUploadedLoose() {
        Map<String, byte[]> loose = new LinkedHashMap<>();
        loose.put("okh.toml", MANIFEST.getBytes(StandardCharsets.UTF_8));
        loose.put("bom.csv", BOM.getBytes(StandardCharsets.UTF_8));
        DesignBundle.Read read = DesignBundle.read(DesignBundle.fromFiles(loose, null, null, null, null));
        assertThat(read.problems()).isEmpty();
        assertThat(read.content().lines()).hasSize(4);
        assertThat(read.mapped()).contains("'/hardware/bom.csv' is not where the manifest says; the one bom.csv taken");
    }

    @Test
    void aBomThatIsNowhereIsAProblemAndAPathOutOfTheRepositoryIsNotFollowed() throws IOException {
        Map<String, byte[]> loose = new LinkedHashMap<>();
        loose.put("okh.toml", MANIFEST.replace("/hardware/bom.csv", "../../etc/passwd").getBytes(StandardCharsets.UTF_8));
        DesignBundle.Read read = DesignBundle.read(DesignBundle.fromFiles(loose, null, null, null, null));
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("the linked BOM '../../etc/passwd' is not in the bundle"));
    }

    @Test
    void ourOwnBundleReadsBackWithNothingToSay() throws IOException {
        DesignContent c = DesignBundle.read(repositoryZip()).content();
        DesignBundle.Read again = DesignBundle.read(DesignBundle.write(c));
        assertThat(again.problems()).isEmpty();
        assertThat(again.content().lines()).hasSize(c.lines().size());
        assertThat(again.mapped()).isEmpty();
    }
}
