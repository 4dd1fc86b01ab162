package microfactory.equipment.jobfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** DXF drawings as CAD programs write them: polylines with bulges, arcs, circles, blocks, units; problems by line. */
public class DxfReaderTest {

    static final Envelope TABLE = new Envelope(1220, 2440, 100);

    public static String plate() throws IOException {
        try (InputStream in = DxfReaderTest.class.getResourceAsStream("/jobfiles/plate.dxf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Group-code pairs, one per line, as a DXF holds them. */
    static String dxf(String... pairs) {
        StringBuilder s = new StringBuilder("0\nSECTION\n2\nENTITIES\n");
        for (String p : pairs) {
            s.append(p).append('\n');
        }
        return s.append("0\nENDSEC\n0\nEOF\n").toString();
    }

    static double length(List<Contour> contours) {
        return contours.stream().mapToDouble(Contour::length).sum();
    }

    @Test
    void aPlateWithRoundedEndsHolesASlotAndBlocksIsCutInSixPiercesAndTimed() throws IOException {
        List<Contour> contours = DxfReader.read(plate());
        // plate 200 + 2π·50, holes 2·2π·10, slot 80 + 2π·5, bolt holes 2π·4 + 2π·2 (the second block scaled by half)
        double expected = 200 + 2 * Math.PI * 50 + 4 * Math.PI * 10 + 80 + 2 * Math.PI * 5 + 2 * Math.PI * 6;
        assertThat(length(contours)).isCloseTo(expected, within(expected * 0.002));
        assertThat(contours).extracting(Contour::entity).doesNotContain("TEXT");
        assertThat(Outlines.chain(contours)).hasSize(6);
        Toolpath t = Outlines.toolpath(contours, 342, TABLE, 2000, 10_000);
        assertThat(t.maxX()).isCloseTo(200, within(0.01));
        assertThat(t.maxY()).isCloseTo(100, within(0.01));
        assertThat(t.seconds()).isGreaterThan(expected / 2000 * 60 + 6 * Outlines.PIERCE_SECONDS);
        assertThat(t.seconds()).isLessThan(expected / 2000 * 60 + 6 * Outlines.PIERCE_SECONDS + 5);
    }

    @Test
    void aDrawingLargerThanTheBedIsRefusedNamingTheLineOfTheEntityThatReachesBeyond() throws IOException {
        assertThatThrownBy(() -> Outlines.toolpath(DxfReader.read(plate()), 342, new Envelope(150, 150, 50), 2000, 10_000))
                .isInstanceOf(JobFileProblem.class)
                .hasMessageContaining("the LWPOLYLINE reaches X=")
                .hasMessageContaining("the drawing is 200.0 × 100.0 mm, the machine's work envelope 150 × 150 mm")
                .satisfies(e -> assertThat(((JobFileProblem) e).line()).isGreaterThan(100));
    }

    @Test
    void inchesAreConvertedAndAnUnitlessDrawingIsInMillimetres() {
        String inches = "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n1\n0\nENDSEC\n" + dxf("0", "LINE", "10", "0", "20", "0", "11", "2", "21", "0");
        assertThat(length(DxfReader.read(inches))).isCloseTo(50.8, within(1e-9));
        assertThat(length(DxfReader.read(dxf("0", "LINE", "10", "0", "20", "0", "11", "2", "21", "0")))).isCloseTo(2, within(1e-9));
    }

    @Test
    void arcsEllipsesAndSplinesFollowTheirCurves() {
        assertThat(length(DxfReader.read(dxf("0", "ARC", "10", "0", "20", "0", "40", "10", "50", "0", "51", "90"))))
                .isCloseTo(Math.PI * 5, within(Math.PI * 5 * 0.003)); // chords within 0.05 mm of the arc
        // a semicircle by bulge 1, counter-clockwise from (0,0) to (10,0): below the chord
        List<Contour> bulged = DxfReader.read(dxf("0", "LWPOLYLINE", "90", "2", "70", "0", "10", "0", "20", "0", "42", "1", "10", "10", "20", "0"));
        assertThat(length(bulged)).isCloseTo(Math.PI * 5, within(Math.PI * 5 * 0.003));
        assertThat(bulged.get(0).points().stream().mapToDouble(p -> p[1]).min().orElseThrow()).isCloseTo(-5, within(0.01));
        List<Contour> ellipse = DxfReader.read(dxf("0", "ELLIPSE", "10", "0", "20", "0", "11", "20", "21", "0", "40", "0.5", "41", "0", "42",
                String.valueOf(2 * Math.PI)));
        Toolpath e = Outlines.toolpath(ellipse, 10, null, 1000, 1000);
        assertThat(e.maxX()).isCloseTo(40, within(0.01));
        assertThat(e.maxY()).isCloseTo(20, within(0.01));
        // a clamped cubic: from (0,0) to (10,0), rising to 7.5 half way
        List<Contour> spline = DxfReader.read(dxf("0", "SPLINE", "71", "3", "72", "8", "73", "4",
                "40", "0", "40", "0", "40", "0", "40", "0", "40", "1", "40", "1", "40", "1", "40", "1",
                "10", "0", "20", "0", "10", "0", "20", "10", "10", "10", "20", "10", "10", "10", "20", "0"));
        List<double[]> points = spline.get(0).points();
        assertThat(points.get(0)).containsExactly(0, 0);
        assertThat(points.get(points.size() - 1)[0]).isCloseTo(10, within(1e-9));
        assertThat(points.stream().mapToDouble(p -> p[1]).max().orElseThrow()).isCloseTo(7.5, within(0.01));
    }

    @Test
    void anArcMirroredThroughItsExtrusionIsMirroredBack() {
        List<Contour> arc = DxfReader.read(dxf("0", "ARC", "10", "10", "20", "0", "40", "5", "50", "0", "51", "90", "210", "0", "220", "0", "230", "-1"));
        // in its own system the centre is (10, 0); seen from above it is (-10, 0), the arc running from (-15, 0) up to (-10, 5)
        assertThat(arc.get(0).first()[0]).isCloseTo(-15, within(1e-9));
        assertThat(arc.get(0).last()[1]).isCloseTo(5, within(1e-9));
    }

    @Test
    void brokenFilesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> DxfReader.read("0\nSECTION\nnot a code\nENTITIES\n"))
                .isInstanceOf(JobFileProblem.class).hasMessageStartingWith("line 3: expected a DXF group code");
        assertThatThrownBy(() -> DxfReader.read(dxf("0", "LINE", "10", "zero", "20", "0", "11", "1", "21", "0")))
                .hasMessageStartingWith("line 8: group code 10 needs a number, found \"zero\"");
        assertThatThrownBy(() -> DxfReader.read(dxf("0", "INSERT", "2", "MISSING", "10", "0", "20", "0")))
                .hasMessageContaining("line 5:").hasMessageContaining("block \"MISSING\", which the drawing does not define");
        assertThatThrownBy(() -> DxfReader.read("AutoCAD Binary DXF\r\n\u001a\u0000")).hasMessageContaining("binary DXF");
        assertThatThrownBy(() -> DxfReader.read(dxf("0", "CIRCLE", "10", "0", "20", "0"))).hasMessageContaining("no radius");
        assertThatThrownBy(() -> Outlines.toolpath(DxfReader.read(dxf("0", "TEXT", "1", "hello")), 8, null, 1000, 1000))
                .hasMessageContaining("nothing to cut");
        String selfInsert = "0\nSECTION\n2\nBLOCKS\n0\nBLOCK\n2\nLOOP\n10\n0\n20\n0\n0\nINSERT\n2\nLOOP\n0\nENDBLK\n0\nENDSEC\n"
                + dxf("0", "INSERT", "2", "LOOP");
        assertThatThrownBy(() -> DxfReader.read(selfInsert)).hasMessageContaining("nested more than");
    }
}
