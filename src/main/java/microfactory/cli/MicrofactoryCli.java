package microfactory.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import microfactory.chapter.ChapterCommand;
import microfactory.common.VerbGroup;
import microfactory.designs.DesignCommand;
import microfactory.kit.KitCommand;
import microfactory.ledger.LedgerCommand;
import microfactory.scheduling.ScheduleCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: verbs that run without a server. Each feature adds its verbs as subcommands here. */
@Command(name = "microfactory",
        mixinStandardHelpOptions = true,
        versionProvider = MicrofactoryCli.Version.class,
        description = {
            "Microfactory: the operating system of a community microfactory.",
            "Without a verb (or with 'serve [--spring.setting=value ...]') the jar starts the chapter's server."
        },
        subcommands = {
            MicrofactoryCli.Serve.class,
            MicrofactoryCli.VersionCommand.class,
            ChapterCommand.class,
            LedgerCommand.class,
            ScheduleCommand.class,
            DesignCommand.class,
            KitCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MicrofactoryCli extends VerbGroup {

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new MicrofactoryCli());
        withHelp(cli);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** Every verb and sub-verb answers --help (and -h) with its usage. */
    private static void withHelp(CommandLine command) {
        command.getSubcommands().values().forEach(sub -> {
            var options = sub.getCommandSpec().optionsMap();
            if (options.get("--help") == null) {
                String[] names = options.get("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(names).usageHelp(true)
                        .description("Show this help and exit.").build());
            }
            withHelp(sub);
        });
    }

    /** The version in the jar's manifest, or "development" when run from classes. */
    public static String version() {
        String v = MicrofactoryCli.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"microfactory " + version(), "Java " + System.getProperty("java.version")};
        }
    }

    /** Listed so that --help shows it; main() starts the server before picocli ever sees it. */
    @Command(name = "serve", description = "Start the chapter's server (the default). Spring settings follow, e.g. --server.port=9090.")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "version", description = "Print the version and exit.")
    static final class VersionCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("microfactory " + version());
            return 0;
        }
    }
}
