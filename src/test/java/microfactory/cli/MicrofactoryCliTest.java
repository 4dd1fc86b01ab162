package microfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class MicrofactoryCliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MicrofactoryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheVersion() {
        Run r = run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("microfactory ");
    }

    @Test
    void helpListsTheVerbs() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("serve").contains("version");
    }

    @Test
    void anUnknownVerbIsAUsageErrorThatSaysSo() {
        Run r = run("fly-to-the-moon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("fly-to-the-moon");
    }
}
