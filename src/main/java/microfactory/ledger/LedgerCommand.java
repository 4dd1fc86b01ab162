package microfactory.ledger;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import microfactory.common.VerbGroup;
import microfactory.ledger.report.EconomicsJson;
import microfactory.ledger.report.EconomicsReport;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Cosignatures;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.verify.LedgerExport;
import microfactory.ledger.verify.LedgerVerifier;
import microfactory.ledger.verify.LogSource;
import microfactory.ledger.verify.VerifyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ledger export} and {@code ledger verify}: audit a chapter's ledger offline, without a server of your own. */
@Command(name = "ledger", description = "Mirror and verify a chapter's public ledger.",
        subcommands = {LedgerCommand.Export.class, LedgerCommand.Verify.class, LedgerCommand.Report.class})
public final class LedgerCommand extends VerbGroup {

    @Command(name = "export", description = "Mirror checkpoint, key, tiles and entries of <url> (e.g. http://localhost:8080/ledger) into <dir>.")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", description = "the log's base URL or a folder") String from;
        @Parameters(index = "1", description = "the folder to write") Path dir;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                int files = LedgerExport.export(LogSource.of(from), dir, (done, total) ->
                        out.printf("\rexported %d of %d tiles", done, total).flush());
                out.println();
                out.println("Wrote " + files + " files to " + dir + ". Host them as static files, or run: ledger verify " + dir);
                return 0;
            } catch (Exception e) {
                spec.commandLine().getErr().println("Export failed: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "verify", description = "Verify a ledger from its URL (e.g. http://localhost:8080/ledger) or a mirror folder. Exit 0 when all holds, 1 naming the first problem.")
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", description = "the log's base URL or a mirror folder") String from;
        @Option(names = "--since", description = "the last checkpoint you trusted: the new one must extend it") Path since;
        @Option(names = "--quiet", description = "no progress") boolean quiet;
        @Option(names = "--witness", description = "a witness's key (C2SP cosignature vkey, type 0x04; another chapter's /.well-known/microfactory "
                + "names it); repeat for each witness you trust") List<String> witnesses = new ArrayList<>();
        @Option(names = "--quorum", description = "how many of the --witness keys must have cosigned the checkpoint (default: all given)")
        Integer quorum;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int needed = quorum == null ? witnesses.size() : quorum;
            if (needed > witnesses.size() || needed < 0) {
                err.println("--quorum " + needed + ": give at least that many --witness keys");
                return 2;
            }
            List<Cosignatures.Cosigner> cosigners = new ArrayList<>();
            for (String w : witnesses) {
                try {
                    cosigners.add(Cosignatures.parseVkey(w));
                } catch (IllegalArgumentException e) {
                    err.println("--witness " + w + ": " + e.getMessage());
                    return 2;
                }
            }
            try {
                String trusted = since == null ? null : Files.readString(since, StandardCharsets.UTF_8);
                VerifyResult r = LedgerVerifier.verify(LogSource.of(from), trusted, quiet ? null
                        : (done, total) -> out.printf("\rverified %d of %d entries", done, total).flush());
                if (!quiet) {
                    out.println();
                }
                if (!r.ok()) {
                    err.println("FAIL: " + r.problem());
                    return 1;
                }
                if (!cosigners.isEmpty()) {
                    Optional<String> shortOf = quorum(LogSource.of(from), r, cosigners, needed, out);
                    if (shortOf.isPresent()) {
                        err.println("FAIL: " + shortOf.get());
                        return 1;
                    }
                }
                out.println("OK: the ledger verifies.");
                r.facts().forEach(f -> out.println("  " + f));
                return 0;
            } catch (Exception e) {
                err.println("FAIL: " + e.getMessage());
                return 1;
            }
        }
    }

    /**
     * Counts the given witnesses whose cosignature on the verified checkpoint holds; empty when at least {@code needed} do.
     * The checkpoint is read again and must be the one just verified (same size and root).
     */
    static Optional<String> quorum(LogSource source, VerifyResult r, List<Cosignatures.Cosigner> cosigners, int needed, PrintWriter out)
            throws IOException {
        SignedNote note = SignedNote.parse(new String(source.read("checkpoint"), StandardCharsets.UTF_8));
        Checkpoint c = Checkpoint.parse(note.text());
        if (c.size() != r.size() || !Hashes.base64(c.root()).equals(r.root())) {
            return Optional.of("the checkpoint changed while the ledger was verified; run again");
        }
        int holding = 0;
        for (Cosignatures.Cosigner w : cosigners) {
            OptionalLong time = Cosignatures.verify(note, w);
            if (time.isPresent()) {
                holding++;
                out.println("  cosigned by " + w.name() + " at " + Instant.ofEpochSecond(time.getAsLong()));
            } else {
                out.println("  no cosignature by " + w.name());
            }
        }
        return holding >= needed ? Optional.empty()
                : Optional.of("only " + holding + " of the " + cosigners.size() + " witnesses given cosigned the checkpoint of size " + c.size()
                        + "; " + needed + " needed");
    }

    @Command(name = "report", description = "Verify a ledger (URL or mirror folder), then print the chapter's economics computed from it alone, "
            + "as JSON with the field names of GET /api/v1/economics. Exit 1 when the ledger does not verify.")
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", description = "the log's base URL or a mirror folder") String from;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                LogSource source = LogSource.of(from);
                VerifyResult r = LedgerVerifier.verify(source, null, null);
                if (!r.ok()) {
                    err.println("FAIL: " + r.problem() + " (nothing is reported from a ledger that does not verify)");
                    return 1;
                }
                EconomicsReport report = new EconomicsReport();
                LedgerVerifier.entries(source, r.size(), report::accept);
                spec.commandLine().getOut().println(EconomicsJson.write(report.result()));
                return 0;
            } catch (Exception e) {
                err.println("FAIL: " + e.getMessage());
                return 1;
            }
        }
    }
}
