package microfactory.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import microfactory.cli.MicrofactoryCli;

/** Runs the command line in this JVM, as a script would, and keeps what it printed. */
public final class Cli {

    public record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MicrofactoryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
