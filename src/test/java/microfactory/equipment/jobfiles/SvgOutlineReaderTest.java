package microfactory.equipment.jobfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** SVG outlines as Inkscape and laser software write them: sizes in mm, viewBoxes, transforms, curves; problems by line. */
class SvgOutlineReaderTest {

    static List<Contour> read(String svg) {
        return SvgOutlineReader.read(svg.getBytes(StandardCharsets.UTF_8));
    }

    static double length(List<Contour> contours) {
        return contours.stream().mapToDouble(Contour::length).sum();
    }

    @Test
    void anInkscapeDrawingInMillimetresGivesItsOutlinesInMillimetres() {
        List<Contour> c = read("""
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <svg width="100mm" height="50mm" viewBox="0 0 100 50" version="1.1" xmlns="http://www.w3.org/2000/svg"
                     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape">
                  <defs><path id="unused" d="M 0,0 H 1000"/></defs>
                  <g inkscape:label="Layer 1" inkscape:groupmode="layer">
                    <rect x="0" y="0" width="100" height="50" style="fill:none;stroke:#ff0000;stroke-width:0.1"/>
                    <circle cx="20" cy="25" r="5"/>
                    <text x="50" y="25">label</text>
                  </g>
                </svg>
                """);
        assertThat(c).hasSize(2);
        assertThat(length(c)).isCloseTo(300 + 2 * Math.PI * 5, within(0.1));
        Toolpath t = Outlines.toolpath(c, 12, new Envelope(600, 400, 50), 1000, 5000);
        assertThat(t.maxX()).isCloseTo(100, within(0.01));
        assertThat(t.maxY()).isCloseTo(50, within(0.01));
        assertThat(c.get(1).line()).isEqualTo(7);
    }

    @Test
    void userUnitsWithoutASizeArePixelsAndYPointsAwayFromTheOperator() {
        List<Contour> c = read("<svg xmlns=\"http://www.w3.org/2000/svg\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"96\"/></svg>");
        assertThat(length(c)).isCloseTo(25.4, within(1e-6));
        // the top of the drawing (y = 0) is the far side of the bed
        assertThat(c.get(0).first()[1]).isGreaterThan(c.get(0).last()[1]);
    }

    @Test
    void groupTransformsAndPathArcsAreFollowed() {
        List<Contour> c = read("""
                <svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="200mm" viewBox="0 0 200 200">
                  <g transform="translate(10,10) scale(2)">
                    <path d="M0,0 A10,10 0 0 1 20,0"/>
                    <polyline points="0,50 10,50 10,60"/>
                  </g>
                </svg>
                """);
        assertThat(c.get(0).length()).isCloseTo(2 * Math.PI * 10, within(2 * Math.PI * 10 * 0.005)); // chords within 0.05 mm
        assertThat(c.get(1).length()).isCloseTo(40, within(1e-6));
    }

    @Test
    void brokenDrawingsAreRefusedWithTheirLineAndExternalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> read("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<path d=\"M 0 0 L\"/>\n</svg>"))
                .isInstanceOf(JobFileProblem.class).hasMessageStartingWith("line 2: the path data (d) does not parse");
        assertThatThrownBy(() -> read("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>"))
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> read("<html><body/></html>")).hasMessageContaining("root element is <html>");
        assertThatThrownBy(() -> read("<svg xmlns=\"http://www.w3.org/2000/svg\" transform=\"x\"><g transform=\"spin(3)\"><line x2=\"1\"/></g></svg>"))
                .hasMessageContaining("the transform does not parse");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(JobFileProblem.class);
    }
}
