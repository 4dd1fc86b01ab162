package microfactory.backup;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.signing.ArchivedKey;
import microfactory.signing.ChapterKey;
import microfactory.signing.SigningKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One archive with every table and the signing key, and its restore into an empty database (H2 or PostgreSQL, here or
 * on another machine): the way to keep a chapter safe and to move it from the embedded database to PostgreSQL.
 *
 * <p>The archive is a zip: {@code tables/<table>.jsonl} (a line of column names, then a line per row), {@code
 * signing-key.json} (sealed with the passphrase when one is set, else in the clear: the archive is then as secret as
 * the key), and {@code backup.json}, which lists every file with its SHA-256 and the schema version, signed with the
 * chapter's key ({@code backup.sig}). Written from one snapshot of the database, so it is consistent while the
 * server runs. A restore checks every hash and the signature first, migrates the empty database to the archive's
 * schema version, writes everything in one transaction, then migrates to this version.
 */
@Service
public class ChapterBackup {

    static final String FORMAT = "microfactory-backup/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackupRepository tables;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String[] locations;

    ChapterBackup(BackupRepository tables, SigningKeys keys, AuditLog audit, TransactionTemplate transaction, Clock clock,
                  @Value("${spring.flyway.locations:classpath:db/migration}") String[] locations) {
        this.tables = tables;
        this.keys = keys;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.locations = locations;
    }

    /** What a backup or restore did, for the command line to print. */
    public record Summary(String schemaVersion, int tables, long rows, String keyName, boolean keySealed) {
    }

    public Summary write(OutputStream out) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long rows = 0;
        List<String> order = new ArrayList<>();
        String version;
        try (Connection c = tables.dataSource().getConnection()) {
            snapshot(c);
            version = currentVersion();
            for (TableShape t : tables.tables(c)) {
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                lines.writeBytes(JSON.writeValueAsBytes(t.columnNames()));
                lines.write('\n');
                long[] count = {0};
                tables.read(c, t, row -> {
                    lines.writeBytes(JSON.writeValueAsBytes(row));
                    lines.write('\n');
                    count[0]++;
                });
                files.put("tables/" + t.name() + ".jsonl", lines.toByteArray());
                order.add(t.name());
                rows += count[0];
            }
            c.commit();
        } catch (SQLException e) {
            throw new BackupException("the database could not be read: " + e.getMessage());
        }
        ArchivedKey key = keys.archive();
        ObjectNode keyJson = JSON.createObjectNode().put("name", key.name())
                .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()))
                .put("privateKey", Base64.getEncoder().encodeToString(key.privateKey())).put("sealed", key.sealed());
        files.put("signing-key.json", JSON.writeValueAsBytes(keyJson));

        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("createdAt", clock.instant().toString())
                .put("schemaVersion", version);
        ArrayNode order2 = manifest.putArray("tables");
        order.forEach(order2::add);
        ObjectNode hashes = manifest.putObject("files");
        files.forEach((name, bytes) -> hashes.put(name, sha256(bytes)));
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
            put(zip, "backup.json", manifestBytes);
            put(zip, "backup.sig", Base64.getEncoder().encode(sign(manifestBytes, keys.chapterKey())));
        } catch (IOException e) {
            throw new BackupException("the archive could not be written: " + e.getMessage());
        }
        return new Summary(version, order.size(), rows, key.name(), key.sealed());
    }

    public Summary restore(InputStream in) {
        Map<String, byte[]> files = unzip(in);
        byte[] manifestBytes = require(files, "backup.json");
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (RuntimeException e) {
            throw new BackupException("backup.json is not valid JSON: the archive is damaged");
        }
        if (!FORMAT.equals(manifest.path("format").asString(""))) {
            throw new BackupException("this is not a Microfactory backup (format '" + manifest.path("format").asString("") + "')");
        }
        for (Map.Entry<String, JsonNode> f : manifest.path("files").properties()) {
            byte[] bytes = require(files, f.getKey());
            if (!sha256(bytes).equals(f.getValue().asString())) {
                throw new BackupException(f.getKey() + " was altered or damaged: its SHA-256 is not the one backup.json lists");
            }
        }
        JsonNode keyJson = JSON.readTree(require(files, "signing-key.json"));
        ArchivedKey key = new ArchivedKey(keyJson.path("name").asString(), Base64.getDecoder().decode(keyJson.path("publicKey").asString()),
                Base64.getDecoder().decode(keyJson.path("privateKey").asString()), keyJson.path("sealed").asBoolean());
        verify(manifestBytes, Base64.getDecoder().decode(require(files, "backup.sig")), key.publicKey());

        String version = manifest.path("schemaVersion").asString();
        MigrationVersion latest = latestKnownVersion();
        if (MigrationVersion.fromVersion(version).isNewerThan(latest.getVersion())) {
            throw new BackupException("the backup is of schema version " + version + ", newer than this Microfactory knows ("
                    + latest + "): restore it with a newer release");
        }
        prepareSchema(version);
        long[] rows = {0};
        int[] count = {0};
        transaction.executeWithoutResult(status -> {
            Connection c = tables.connection();
            try {
                if (tables.rows(c) > 0) {
                    throw new BackupException("the database is not empty: restore only into a new, empty database (nothing was changed)");
                }
                List<TableShape> shapes = tables.tables(c);
                Map<String, List<JsonNode>> data = new LinkedHashMap<>();
                Map<String, List<String>> columns = new LinkedHashMap<>();
                for (TableShape t : shapes) {
                    byte[] file = files.get("tables/" + t.name() + ".jsonl");
                    if (file == null) {
                        throw new BackupException("the backup has no table " + t.name() + ", which schema version " + version + " has");
                    }
                    List<JsonNode> lines = lines(file, t.name());
                    columns.put(t.name(), names(lines.get(0)));
                    data.put(t.name(), lines.subList(1, lines.size()));
                }
                for (TableShape t : shapes) {
                    tables.insert(c, t, columns.get(t.name()), data.get(t.name()));
                    rows[0] += data.get(t.name()).size();
                    count[0]++;
                }
                for (TableShape t : shapes) {
                    tables.setDeferred(c, t, columns.get(t.name()), data.get(t.name()));
                    tables.restartIdentity(c, t);
                }
                keys.restore(key);
                audit.record(AuditAction.CHAPTER_RESTORED, "schema " + version, null,
                        Map.of("createdAt", manifest.path("createdAt").asString(), "tables", count[0], "rows", rows[0]));
            } catch (SQLException e) {
                throw new BackupException("the database refused the restore, nothing was kept: " + e.getMessage());
            } finally {
                tables.release(c);
            }
        });
        flyway(null).migrate(); // the archive's schema up to this version, with its data
        return new Summary(version, count[0], rows[0], key.name(), key.sealed());
    }

    /** Reads every file of the archive, refusing one that is cut short or not a zip at all. */
    private static Map<String, byte[]> unzip(InputStream in) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                files.put(e.getName(), zip.readAllBytes());
            }
        } catch (ZipException | EOFException e) {
            throw new BackupException("the archive is truncated or damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BackupException("the archive cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new BackupException("the file is not a zip archive, or it is empty");
        }
        return files;
    }

    private static byte[] require(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new BackupException("the archive is incomplete: it has no " + name);
        }
        return bytes;
    }

    private static List<JsonNode> lines(byte[] file, String table) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        if (lines.isEmpty()) {
            throw new BackupException("tables/" + table + ".jsonl has no header line");
        }
        return lines;
    }

    private static List<String> names(JsonNode header) {
        List<String> names = new ArrayList<>();
        header.forEach(n -> names.add(n.asString()));
        return names;
    }

    /** An empty database gets the archive's schema; one with a schema must have exactly that version (and no rows). */
    private void prepareSchema(String version) {
        Flyway flyway = flyway(null);
        MigrationInfo current = flyway.info().current();
        if (current == null) {
            flyway(version).migrate();
        } else if (!current.getVersion().getVersion().equals(version)) {
            throw new BackupException("the database has a schema already (version " + current.getVersion() + "), not the backup's ("
                    + version + "): restore into a new, empty database");
        }
    }

    private String currentVersion() {
        MigrationInfo current = flyway(null).info().current();
        if (current == null) {
            throw new BackupException("the database has no Microfactory schema: nothing to back up");
        }
        return current.getVersion().getVersion();
    }

    private MigrationVersion latestKnownVersion() {
        MigrationInfo[] all = flyway(null).info().all();
        return all.length == 0 ? MigrationVersion.EMPTY : all[all.length - 1].getVersion();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(tables.dataSource()).locations(locations);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static void snapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        if (BackupRepository.isH2(c)) {
            try (var s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
        } else {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // PostgreSQL: one snapshot for every table
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] sign(byte[] data, ChapterKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.privateKey());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    private static void verify(byte[] data, byte[] signature, byte[] publicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            if (!s.verify(signature)) {
                throw new BackupException("backup.json was altered: its signature does not hold");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BackupException("the archive's signature or key is damaged");
        }
    }
}
