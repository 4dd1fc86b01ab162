package microfactory.kit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import microfactory.common.VerbGroup;
import microfactory.designs.DesignKit;
import microfactory.equipment.EquipmentKit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kit export | verify | inspect}: a chapter's signed enterprise kit, without a server or a database. */
@Command(name = "kit", description = "Download, check and read a chapter's signed enterprise kit.",
        subcommands = {KitCommand.Export.class, KitCommand.Verify.class, KitCommand.Inspect.class})
public final class KitCommand extends VerbGroup {

    @Command(name = "export", mixinStandardHelpOptions = true, description = {
            "Download a running chapter's kit (its /kit) into a file, and check it.",
            "Exit 0 when the kit is saved and whole, 1 when it could not be fetched or does not hold."})
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", description = "the chapter's address, e.g. https://lagos.microfactory.org") String url;
        @Parameters(index = "1", description = "the file to write, e.g. kit.zip") Path file;
        @Option(names = "--key", description = "the origin's verifier key (from its /ledger/key) the kit must be signed with") String key;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try {
                byte[] bytes = KitSource.read(url);
                KitArchive.Kit kit = KitArchive.read(bytes, key);
                Path parent = file.toAbsolutePath().getParent();
                Path temp = Files.createTempFile(parent, ".kit", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine().getOut().println("Wrote " + file + " (" + bytes.length + " bytes): " + summary(kit));
                return 0;
            } catch (KitException e) {
                spec.commandLine().getErr().println("Refused: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
            "Check a kit: every file's SHA-256, no file missing or extra, nothing outside the archive, and the signature.",
            "Exit 0 when everything holds, 1 naming the first thing that does not."})
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", description = "the kit, a file or a chapter's address") String source;
        @Option(names = "--key", description = "the origin's verifier key (from its /ledger/key); without it the kit is checked "
                + "against the key it names, which proves it whole, not who made it") String key;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                KitArchive.Kit kit = KitArchive.read(KitSource.read(source), key);
                spec.commandLine().getOut().println("OK: " + summary(kit));
                if (key == null) {
                    spec.commandLine().getOut().println("Signed by the key the kit names; compare it with " + kit.manifest().publicUrl()
                            + "/ledger/key, or pass --key: " + kit.manifest().publicKey());
                }
                return 0;
            } catch (KitException e) {
                spec.commandLine().getErr().println("Refused: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = {
            "Print what a kit holds: the chapter, its key and ledger checkpoint, the designs with their versions, licences "
                    + "and lineage, the curriculum, plans and machines. Checked first; exit 1 when it does not hold."})
    static final class Inspect implements Callable<Integer> {
        @Parameters(index = "0", description = "the kit, a file or a chapter's address") String source;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            KitArchive.Kit kit;
            try {
                kit = KitArchive.read(KitSource.read(source), null);
            } catch (KitException e) {
                spec.commandLine().getErr().println("Refused: " + e.getMessage());
                return 1;
            }
            KitArchive.Manifest m = kit.manifest();
            out.println("Kit of " + m.chapter() + " (" + m.publicUrl() + "), made " + m.createdAt());
            out.println("  currency " + m.currency() + ", time zone " + m.timeZone());
            out.println("  key:        " + m.publicKey());
            out.println("  checkpoint: " + m.checkpoint().size() + " entries, root " + m.checkpoint().rootHash());
            out.println("  manifest:   sha256 " + kit.manifestSha256() + ", " + m.files().size() + " files");
            m.counts().forEach((what, n) -> out.println("  " + what + ": " + n));
            out.println("Designs:");
            for (DesignKit.KitDesign d : DesignKit.index(kit.files())) {
                out.println("  " + d.slug() + "  " + d.name() + "  [" + d.licence() + "]  versions " + String.join(", ",
                        d.versions().stream().map(DesignKit.KitVersion::label).toList()) + (d.forkedFrom() == null ? "" : "  forked from "
                        + d.forkedFrom()));
            }
            out.println("Machines:");
            for (EquipmentKit.KitMachine x : EquipmentKit.floor(kit.files()).machines()) {
                out.println("  " + x.count() + " × " + x.name() + " (" + x.type() + "), badge " + x.skill() + " ≥ " + x.level());
            }
            return 0;
        }
    }

    static String summary(KitArchive.Kit kit) {
        KitArchive.Manifest m = kit.manifest();
        List<String> counts = m.counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
        return m.files().size() + " files of " + m.chapter() + " (" + String.join(", ", counts) + "), signed by " + m.origin()
                + " at ledger size " + m.checkpoint().size();
    }
}
