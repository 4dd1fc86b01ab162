package microfactory.equipment.jobfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** G-code as slicers and CAM write it: moves, arcs, units, relative mode, time, and the envelope by line. */
class GcodeReaderTest {

    static final Envelope PRINTER = new Envelope(220, 220, 250);

    @Test
    void movesAndFeedsGiveTheRunTimeAndTheExtent() {
        Toolpath t = GcodeReader.read("""
                ; a square, as a slicer writes it
                G21 G90
                M117 Printing... 50% done
                G0 X10 Y10 Z0.2 F6000 ; rapid to the start
                G1 X110 F1200
                G1 Y110
                G1 X10
                G1 Y10
                T1
                """, PRINTER, 6000);
        assertThat(t.moves()).isEqualTo(5);
        // four 100 mm sides at 1200 mm/min = 20 s, and the rapid of √(200 + 0.04) mm at 6000 mm/min
        assertThat(t.seconds()).isCloseTo(20 + Math.sqrt(200.04) / 100, within(0.01));
        assertThat(t.minX()).isEqualTo(10);
        assertThat(t.maxY()).isEqualTo(110);
        assertThat(t.toolChanges()).isEqualTo(1);
    }

    @Test
    void arcsInchesRelativeModeAndG92AreFollowed() {
        Toolpath arc = GcodeReader.read("G21\nG0 X100 Y50\nG3 X0 Y50 I-50 J0 F600\n", new Envelope(1000, 1000, 100), 3000);
        // a half circle of radius 50 about (50, 50), counter-clockwise: its top reaches Y = 100
        assertThat(arc.maxY()).isCloseTo(100, within(0.5));
        assertThat(arc.seconds()).isCloseTo(Math.PI * 50 / 600 * 60 + Math.hypot(100, 50) / 3000 * 60, within(0.1));

        Toolpath inch = GcodeReader.read("G20\nG0 X1 Y1\nG91\nG1 X1 F10\n", null, 3000);
        assertThat(inch.maxX()).isCloseTo(50.8, within(1e-9));
        Toolpath shifted = GcodeReader.read("G0 X100 Y100\nG92 X0 Y0\nG1 X10 Y0 F600\n", null, 3000);
        assertThat(shifted.maxX()).isCloseTo(110, within(1e-9));
    }

    @Test
    void aMoveOutsideTheEnvelopeIsRefusedNamingItsLineAndBadWordsToo() {
        assertThatThrownBy(() -> GcodeReader.read("G21\nG1 X100 Y100 F600\nG1 X230\n", PRINTER, 6000))
            .isInstanceOf(JobFileProblem.class).hasMessageStartingWith("line 3:").hasMessageContaining("X=230.00");
        assertThatThrownBy(() -> GcodeReader.read("G1 X10\nG1 X1,5\n", PRINTER, 6000)).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> GcodeReader.read("G1 X10 F0\n", PRINTER, 6000)).hasMessageContaining("feed rate");
        assertThatThrownBy(() -> GcodeReader.read("hello world\n", PRINTER, 6000)).isInstanceOf(JobFileProblem.class);
        assertThatThrownBy(() -> GcodeReader.read("; only a comment\n", PRINTER, 6000)).hasMessageContaining("no moves");
        assertThatThrownBy(() -> GcodeReader.read("G0 X10 Y10\nG2 X20 Y10\n", PRINTER, 6000)).hasMessageStartingWith("line 2:")
            .hasMessageContaining("I and J");
    }
}
