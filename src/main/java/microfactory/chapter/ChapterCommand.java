package microfactory.chapter;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import microfactory.Microfactory;
import microfactory.backup.BackupException;
import microfactory.backup.ChapterBackup;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.VerbGroup;
import microfactory.kit.EnterpriseKit;
import microfactory.kit.KitArchive;
import microfactory.kit.KitException;
import microfactory.kit.KitSource;
import microfactory.signing.KeyUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code chapter init | backup | restore}: what an operator does before (or beside) the server. Each works on the
 * configured database — the embedded one by default; PostgreSQL with the {@code postgres} profile
 * ({@code SPRING_PROFILES_ACTIVE=postgres} and its MICROFACTORY_DB_* environment) — and takes Spring settings after
 * the verb, such as {@code --spring.datasource.url=...}.
 */
@Command(name = "chapter", description = "Found a chapter, back it up, restore it.",
        subcommands = {ChapterCommand.Init.class, ChapterCommand.Backup.class, ChapterCommand.Restore.class})
public final class ChapterCommand extends VerbGroup {

    /** Starts the application without a web server, on the configured database. */
    static ConfigurableApplicationContext context(List<String> springArgs, boolean migrate) {
        List<String> args = new ArrayList<>(List.of("--microfactory.first-start=manual", "--logging.level.root=WARN",
                "--spring.main.lazy-initialization=true"));
        if (!migrate) {
            args.add("--spring.flyway.enabled=false"); // a backup leaves the database as it is; a restore migrates itself
        }
        args.addAll(springArgs);
        return new SpringApplicationBuilder(Microfactory.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).run(args.toArray(String[]::new));
    }

    /** Spring settings pass through; anything else after the verb is a mistake. */
    static List<String> springSettings(List<String> unmatched, CommandLine.Model.CommandSpec spec) {
        for (String arg : unmatched) {
            if (!arg.startsWith("--spring.") && !arg.startsWith("--microfactory.")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown option: '" + arg + "'");
            }
        }
        return unmatched;
    }

    @Command(name = "init", description = {"Found a new chapter in an empty database: the schema, the chapter, its signing key "
            + "(named after the public URL), the first admin, a chart of accounts and the learning tracks. No demo data.",
            "Exit 0 when founded, 1 when the database holds a chapter already (nothing changed), 2 on bad input (nothing created)."},
            mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "the chapter's name, e.g. \"Lagos Microfactory\"") String name;
        @Option(names = "--currency", description = "ISO 4217 code, e.g. NGN (with --kit: the kit's, unless given)") String currency;
        @Option(names = "--time-zone", description = "e.g. Africa/Lagos (with --kit: the kit's, unless given)") String timeZone;
        @Option(names = "--public-url", required = true, description = "where people reach it, e.g. https://lagos.microfactory.org") String publicUrl;
        @Option(names = "--admin-email", required = true) String adminEmail;
        @Option(names = "--admin-password", required = true, description = "at least 10 characters") String adminPassword;
        @Option(names = "--admin-name", defaultValue = "Administrator") String adminName;
        @Option(names = "--site", defaultValue = "") String site;
        @Option(names = "--region", defaultValue = "") String region;
        @Option(names = "--kit", description = "another chapter's enterprise kit, a file or its address: the new chapter starts with its "
                + "designs, curriculum, plans, machines and bays, and its lineage on the ledger") String kit;
        @Option(names = "--kit-key", description = "the origin's verifier key (its /ledger/key) the kit must be signed with") String kitKey;
        @Unmatched List<String> unmatched = new ArrayList<>();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KitArchive.Kit checked = null;
            if (kit != null) {
                try {
                    checked = KitArchive.read(KitSource.read(kit), kitKey);
                } catch (KitException e) {
                    err.println("--kit: refused: " + e.getMessage());
                    err.println("Nothing was created.");
                    return 2;
                }
                currency = currency == null ? checked.manifest().currency() : currency;
                timeZone = timeZone == null ? checked.manifest().timeZone() : timeZone;
            }
            Founding f = new Founding(name, currency, timeZone, publicUrl, site, region, adminEmail, adminName, adminPassword);
            List<FieldProblem> problems = ChapterFounding.staticProblems(f);
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println(option(p.field()) + ": " + p.message()));
                err.println("Nothing was created.");
                return 2;
            }
            try (ConfigurableApplicationContext app = context(springSettings(unmatched, spec), true)) {
                ChapterService chapters = app.getBean(ChapterService.class);
                if (chapters.exists()) {
                    err.println("This database already holds the chapter '" + chapters.chapter().name() + "'; nothing was changed.");
                    return 1;
                }
                FoundedFromKit fromKit = checked == null ? null : app.getBean(ChapterFounding.class).found(f, checked);
                Founded done = fromKit == null ? app.getBean(ChapterFounding.class).found(f) : fromKit.founded();
                out.println("Founded the chapter '" + done.chapter().name() + "' (" + done.chapter().currency() + ", "
                        + done.chapter().timeZone() + ") at " + done.chapter().publicUrl());
                out.println("  ledger origin (fixed): " + done.origin());
                out.println("  administrator:         " + done.adminEmail());
                out.println("  ledger accounts:       " + String.join(", ", done.accounts()));
                out.println("  learning tracks:       " + String.join(", ", done.tracks()));
                out.println("  signing key sealed by: " + done.keyProtection());
                if (fromKit != null) {
                    EnterpriseKit.Loaded l = fromKit.loaded();
                    out.println("  replicated from:       " + fromKit.lineage().originChapter() + " (" + fromKit.lineage().originUrl()
                            + "), kit " + fromKit.lineage().manifestSha256().substring(0, 16) + "…, ledger entry " + fromKit.lineage().ledgerIndex());
                    out.println("  from the kit:          " + l.designs() + " designs, " + l.modules() + " modules, " + l.tracks() + " tracks, "
                            + l.plans() + " plans, " + l.bays() + " bays, " + l.machines() + " machines (out of service until on the floor)");
                }
                out.println("Start it with: java -jar microfactory.jar   (same database settings)");
                return 0;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> err.println(option(p.field()) + ": " + p.message()));
                err.println("Nothing was created.");
                return 2;
            }
        }

        private static String option(String field) {
            return "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase();
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true, description = {
            "Write one archive with every table and the signing key; consistent even while the server runs.",
            "Without MICROFACTORY_KEY_PASSPHRASE the archive holds the private key in the clear: keep it as secret as the key."})
    static final class Backup implements Callable<Integer> {
        @Parameters(index = "0", description = "the archive to write, e.g. chapter-2026-12-03.zip") Path file;
        @Unmatched List<String> unmatched = new ArrayList<>();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".backup", ".tmp");
            try (ConfigurableApplicationContext app = context(springSettings(unmatched, spec), false);
                 OutputStream out = Files.newOutputStream(temp)) {
                ChapterBackup.Summary s = app.getBean(ChapterBackup.class).write(out);
                out.close();
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine().getOut().println("Wrote " + file + ": " + s.tables() + " tables, " + s.rows() + " rows, schema "
                        + s.schemaVersion() + ", signing key '" + s.keyName() + "' "
                        + (s.keySealed() ? "sealed with the passphrase (a restore needs it)" : "in the clear (keep the archive secret)"));
                return 0;
            } catch (BackupException | KeyUnavailableException e) {
                spec.commandLine().getErr().println("Backup failed: " + e.getMessage());
                return 1;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = {
            "Load an archive into an empty database (H2 or PostgreSQL), here or on another machine.",
            "Refused, with nothing changed, for a database that is not empty or an archive that is truncated or altered."})
    static final class Restore implements Callable<Integer> {
        @Parameters(index = "0", description = "the archive written by 'chapter backup'") Path file;
        @Unmatched List<String> unmatched = new ArrayList<>();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext app = context(springSettings(unmatched, spec), false);
                 InputStream in = Files.newInputStream(file)) {
                ChapterBackup.Summary s = app.getBean(ChapterBackup.class).restore(in);
                spec.commandLine().getOut().println("Restored " + file + ": " + s.tables() + " tables, " + s.rows()
                        + " rows (schema " + s.schemaVersion() + ", migrated to this version), signing key '" + s.keyName() + "'.");
                return 0;
            } catch (BackupException | KeyUnavailableException e) {
                spec.commandLine().getErr().println("Restore refused: " + e.getMessage());
                return 1;
            }
        }
    }
}
