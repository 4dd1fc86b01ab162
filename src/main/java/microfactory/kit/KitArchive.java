package microfactory.kit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enterprise kit's archive, pure: a zip of the chapter's know-how with {@code kit.json}, the manifest (every file with
 * its SHA-256 and size, the chapter, its public key and the ledger checkpoint at export), and {@code kit.json.sig}, a C2SP
 * signed note by the chapter's Ed25519 key over the manifest's SHA-256. Reading checks everything before a byte is used:
 * sizes and counts while unpacking (no archive bomb gets far), names (nothing outside the archive), every hash, no file
 * missing or extra, and the signature — and names the first thing wrong.
 */
public final class KitArchive {

    public static final String FORMAT = "microfactory-kit/1";
    public static final String MANIFEST = "kit.json";
    public static final String SIGNATURE = "kit.json.sig";
    static final int MAX_ENTRIES = 5_000;
    static final long MAX_FILE = 64L << 20;
    static final long MAX_TOTAL = 512L << 20;
    /** Unpacked bytes per archive byte, over the whole archive: designs and JSON compress well, but not a thousandfold. */
    static final long MAX_RATIO = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A file the manifest lists. */
    public record Listed(String path, String sha256, long size) {
    }

    /** The ledger's checkpoint at export: its size and root hash (base64), as its signed note says. */
    public record Checkpoint(long size, String rootHash) {
    }

    /** The manifest: who made the kit, with which key, at which point of their ledger, and what it holds. */
    public record Manifest(String format, String chapter, String publicUrl, String currency, String timeZone, String origin,
                           String publicKey, Checkpoint checkpoint, Instant createdAt, Map<String, Integer> counts, List<Listed> files) {
    }

    /** A kit that passed every check: its manifest, the manifest's SHA-256, and its files (the manifest and signature aside). */
    public record Kit(Manifest manifest, String manifestSha256, Map<String, byte[]> files) {
    }

    private KitArchive() {
    }

    /** Writes the archive: the files, the manifest listing them, and the signature {@code signer} makes over the note text. */
    public static byte[] write(Manifest about, Map<String, byte[]> files, UnaryOperator<String> signer) {
        List<Listed> listed = new ArrayList<>();
        files.forEach((path, bytes) -> listed.add(new Listed(path, sha256(bytes), bytes.length)));
        Manifest m = new Manifest(FORMAT, about.chapter(), about.publicUrl(), about.currency(), about.timeZone(), about.origin(),
                about.publicKey(), about.checkpoint(), about.createdAt(), about.counts(), listed);
        byte[] manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        byte[] signature = signer.apply(noteText(about.origin(), sha256(manifest))).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, MANIFEST, manifest);
            put(zip, SIGNATURE, signature);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** What the signed note says: whose kit, of which format, and the manifest's SHA-256. */
    static String noteText(String origin, String manifestSha256) {
        return origin + "\n" + FORMAT + "\nsha256:" + manifestSha256 + "\n";
    }

    /**
     * Reads and checks a kit. {@code pinnedKey} (a C2SP verifier key, or null) is the key the reader trusts for this
     * origin; without it the kit is checked against the key it names itself, which proves it whole, not who made it.
     */
    public static Kit read(byte[] archive, String pinnedKey) {
        Map<String, byte[]> files = unzip(archive);
        byte[] manifestBytes = files.remove(MANIFEST);
        byte[] signature = files.remove(SIGNATURE);
        if (manifestBytes == null) {
            throw new KitException("the archive has no " + MANIFEST + ": it is not an enterprise kit");
        }
        if (signature == null) {
            throw new KitException("the archive has no " + SIGNATURE + ": the kit is not signed");
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(manifestBytes, Manifest.class);
        } catch (RuntimeException e) {
            throw new KitException(MANIFEST + " is not a kit manifest: " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new KitException(MANIFEST + " is of format '" + manifest.format() + "'; this Microfactory reads " + FORMAT);
        }
        String manifestSha = sha256(manifestBytes);
        checkSignature(manifest, manifestSha, new String(signature, StandardCharsets.UTF_8), pinnedKey);
        Set<String> listed = new HashSet<>();
        for (Listed f : manifest.files() == null ? List.<Listed>of() : manifest.files()) {
            if (f.path() == null || !safe(f.path())) {
                throw new KitException(MANIFEST + " names a file outside the archive: " + f.path());
            }
            if (!listed.add(f.path())) {
                throw new KitException(MANIFEST + " lists " + f.path() + " twice");
            }
            byte[] bytes = files.get(f.path());
            if (bytes == null) {
                throw new KitException(f.path() + " is missing: the manifest lists it, the archive does not hold it");
            }
            if (bytes.length != f.size() || !sha256(bytes).equals(f.sha256())) {
                throw new KitException(f.path() + " was changed: its SHA-256 is not the one " + MANIFEST + " lists");
            }
        }
        for (String path : files.keySet()) {
            if (!listed.contains(path)) {
                throw new KitException(path + " is an extra file: the manifest does not list it");
            }
        }
        return new Kit(manifest, manifestSha, files);
    }

    private static void checkSignature(Manifest m, String manifestSha, String note, String pinnedKey) {
        NoteKeys.Verifier named;
        try {
            named = NoteKeys.parseVkey(m.publicKey() == null ? "" : m.publicKey());
        } catch (IllegalArgumentException e) {
            throw new KitException(MANIFEST + " names no usable public key: " + e.getMessage());
        }
        if (!named.name().equals(m.origin())) {
            throw new KitException(MANIFEST + ": the public key is named '" + named.name() + "', the origin '" + m.origin() + "'");
        }
        NoteKeys.Verifier trusted = named;
        if (pinnedKey != null && !pinnedKey.isBlank()) {
            try {
                trusted = NoteKeys.parseVkey(pinnedKey);
            } catch (IllegalArgumentException e) {
                throw new KitException("the key given to check the kit with is not a verifier key: " + e.getMessage());
            }
            if (!trusted.vkey().equals(named.vkey())) {
                throw new KitException("the kit names the key " + named.vkey() + ", not the one given: " + trusted.vkey());
            }
        }
        SignedNote signed;
        try {
            signed = SignedNote.parse(note);
        } catch (IllegalArgumentException e) {
            throw new KitException(SIGNATURE + " is not a signed note: " + e.getMessage());
        }
        if (!signed.verifiedBy(trusted)) {
            throw new KitException(SIGNATURE + ": the signature does not hold for the key " + trusted.vkey());
        }
        if (!signed.text().equals(noteText(m.origin(), manifestSha))) {
            throw new KitException(MANIFEST + " was changed: its SHA-256 is not the one the signature covers");
        }
    }

    /** A relative path inside the archive: no parent steps, no root, no drive, no backslash. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":") || path.contains("\0")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Every file of the archive, with the limits checked while inflating, so a bomb stops early. */
    static Map<String, byte[]> unzip(byte[] archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        long ratioLimit = Math.max(1L << 20, archive.length * MAX_RATIO);
        byte[] buffer = new byte[65_536];
        String current = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                current = e.getName();
                if (files.size() >= MAX_ENTRIES) {
                    throw new KitException("the archive has more than " + MAX_ENTRIES + " files: refused as an archive bomb");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (!safe(current)) {
                    throw new KitException("the archive holds a file outside it: " + current);
                }
                if (files.containsKey(current)) {
                    throw new KitException("the archive holds " + current + " twice");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (bytes.size() + n > MAX_FILE) {
                        throw new KitException(current + " unpacks to more than " + (MAX_FILE >> 20) + " MB: refused as an archive bomb");
                    }
                    if (total > MAX_TOTAL || total > ratioLimit) {
                        throw new KitException("the archive unpacks to more than " + Math.min(MAX_TOTAL, ratioLimit) / (1 << 20)
                                + " MB: refused as an archive bomb");
                    }
                    bytes.write(buffer, 0, n);
                }
                files.put(current, bytes.toByteArray());
            }
        } catch (ZipException | EOFException e) {
            throw new KitException((current == null ? "the archive" : current) + " is damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new KitException("the archive cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new KitException("the file is not a zip archive, or it is empty");
        }
        return files;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Hashes.sha256(bytes));
    }
}
