package microfactory.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import microfactory.Microfactory;
import microfactory.ledger.LedgerService;
import microfactory.members.MemberService;
import microfactory.support.Cli;
import microfactory.support.DatabaseTest;
import microfactory.support.TestDatabase;

/**
 * Backup and restore, through the command line: the demo chapter (with a ledger of a thousand pledges) is backed up from
 * the test's database and restored into the other kind — H2 to PostgreSQL in the H2 run, PostgreSQL to H2 in the
 * PostgreSQL run — and the restored chapter's ledger has the same signed checkpoint. Refusals change nothing.
 */
@DatabaseTest
class BackupRestoreTest {

    @Autowired LedgerService ledger;
    @Autowired MemberService members;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;
    @TempDir Path dir;

    @Test
    void aChapterMovesToTheOtherDatabaseAndVerifiesToTheSameCheckpoint() throws Exception {
        Path archive = dir.resolve("chapter.zip");
        Cli.Result backup = cli("chapter", "backup", archive.toString(), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--microfactory.key-file=" + TestDatabase.KEY_FILE);
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Wrote").contains("in the clear");

        String target = otherDatabase();
        String targetUser = TestDatabase.onPostgres() ? "sa" : "postgres";
        Path otherKeyFile = dir.resolve("elsewhere/key-encryption.key"); // another machine: another key-encryption key
        Cli.Result restore = cli("chapter", "restore", archive.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=" + targetUser, "--microfactory.key-file=" + otherKeyFile);
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored");

        try (ConfigurableApplicationContext moved = open(target, targetUser, otherKeyFile)) {
            LedgerService movedLedger = moved.getBean(LedgerService.class);
            assertThat(movedLedger.size()).isEqualTo(ledger.size());
            assertThat(movedLedger.checkpoint()).isEqualTo(ledger.checkpoint());
            assertThat(movedLedger.origin()).isEqualTo("maysville.microfactory.example/ledger");
            assertThat(moved.getBean(MemberService.class).activeMemberCount()).isEqualTo(members.activeMemberCount());
            assertThat(moved.getBean(MemberService.class).findByEmail("steward@demo.local")).isPresent();
        }

        Cli.Result again = cli("chapter", "restore", archive.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=" + targetUser, "--microfactory.key-file=" + otherKeyFile);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("not empty");
    }

    @Test
    void aTruncatedOrAlteredArchiveIsRefusedNamingWhy() throws Exception {
        Path archive = dir.resolve("chapter.zip");
        assertThat(cli("chapter", "backup", archive.toString(), "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--microfactory.key-file=" + TestDatabase.KEY_FILE).code()).isZero();
        byte[] bytes = Files.readAllBytes(archive);

        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        String target = otherDatabase();
        String targetUser = TestDatabase.onPostgres() ? "sa" : "postgres";
        Cli.Result cut = cli("chapter", "restore", truncated.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=" + targetUser, "--microfactory.key-file=" + dir.resolve("k"));
        assertThat(cut.code()).isEqualTo(1);
        assertThat(cut.err()).containsAnyOf("truncated", "incomplete");

        Path altered = dir.resolve("altered.zip");
        Files.write(altered, rewrite(bytes, "tables/member.jsonl", "demo.local", "evil.local"));
        Cli.Result changed = cli("chapter", "restore", altered.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=" + targetUser, "--microfactory.key-file=" + dir.resolve("k"));
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.err()).contains("tables/member.jsonl was altered");

        // Nothing was changed by either: the database is still empty, and a good archive restores.
        Cli.Result good = cli("chapter", "restore", archive.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=" + targetUser, "--microfactory.key-file=" + dir.resolve("k"));
        assertThat(good.code()).as(good.err()).isZero();
    }

    private String otherDatabase() {
        return TestDatabase.onPostgres()
                ? "jdbc:h2:file:" + dir.resolve("moved/microfactory") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                : TestDatabase.freshPostgresUrl();
    }

    private static ConfigurableApplicationContext open(String url, String user, Path keyFile) {
        return new SpringApplicationBuilder(Microfactory.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--microfactory.key-file=" + keyFile, "--logging.level.root=WARN");
    }

    /** The archive with one file's text changed, and everything else as it was. */
    private static byte[] rewrite(byte[] zip, String name, String from, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] body = in.readAllBytes();
                if (e.getName().equals(name)) {
                    body = new String(body, StandardCharsets.UTF_8).replace(from, to)
                            .getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(body);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The command line, with the databases' empty password. */
    static Cli.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.password=");
        return Cli.run(all.toArray(String[]::new));
    }
}
