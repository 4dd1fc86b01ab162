package microfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

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

    @Test
    void everyVerbAndSubVerbAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new MicrofactoryCli()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(10);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> here = new ArrayList<>(path);
            here.add(name);
            paths.add(here);
            collect(sub, here, paths);
        });
    }
}
