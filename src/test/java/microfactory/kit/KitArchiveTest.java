package microfactory.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;

/** The kit's archive: whole kits read; a changed byte, a missing, extra or escaping file, a wrong signature, a bomb are refused by name. */
class KitArchiveTest {

    static final String ORIGIN = "maysville.example/ledger";
    final KeyPair key = pair();
    final KeyPair other = pair();

    static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String vkey(KeyPair k) {
        return NoteKeys.verifier(ORIGIN, k.getPublic()).vkey();
    }

    byte[] kit(Map<String, byte[]> files, KeyPair signer) {
        var about = new KitArchive.Manifest(KitArchive.FORMAT, "Maysville", "https://maysville.example", "USD", "America/New_York", ORIGIN,
                vkey(key), new KitArchive.Checkpoint(12, "AAAA"), Instant.parse("2026-12-04T10:00:00Z"), Map.of("designs", 1), List.of());
        int id = NoteKeys.keyId(ORIGIN, NoteKeys.raw(signer.getPublic()));
        return KitArchive.write(about, files, text -> SignedNote.sign(text, ORIGIN, signer.getPrivate(), id));
    }

    Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("designs/index.json", "[]".getBytes(StandardCharsets.UTF_8));
        files.put("HANDBOOK.md", "# Maysville\n\nHow to start.\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The archive's entries, changed by {@code change}, written again (stored as the kit writer stores them). */
    static byte[] rewrite(byte[] archive, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        change.accept(entries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aWholeKitReadsWithItsManifestAndFiles() {
        KitArchive.Kit kit = KitArchive.read(kit(files(), key), null);
        assertThat(kit.manifest().chapter()).isEqualTo("Maysville");
        assertThat(kit.manifest().files()).extracting(KitArchive.Listed::path).containsExactly("designs/index.json", "HANDBOOK.md");
        assertThat(kit.files()).containsOnlyKeys("designs/index.json", "HANDBOOK.md");
        assertThat(KitArchive.read(kit(files(), key), vkey(key)).manifestSha256()).hasSize(64);
    }

    @Test
    void oneChangedByteIsRefusedNamingTheFile() throws IOException {
        byte[] tampered = rewrite(kit(files(), key), e -> e.put("HANDBOOK.md", "# Maysvilla\n\nHow to start.\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> KitArchive.read(tampered, null)).isInstanceOf(KitException.class).hasMessageStartingWith("HANDBOOK.md was changed");
    }

    @Test
    void aByteFlippedInTheArchiveItselfIsRefused() {
        byte[] archive = kit(files(), key);
        byte[] flipped = archive.clone();
        // the entry's name sits uncompressed in its local header; its deflated data follows it
        int at = new String(archive, StandardCharsets.ISO_8859_1).indexOf("HANDBOOK.md") + "HANDBOOK.md".length() + 3;
        flipped[at] ^= 0x01;
        assertThatThrownBy(() -> KitArchive.read(flipped, null)).isInstanceOf(KitException.class).hasMessageContaining("HANDBOOK.md");
    }

    @Test
    void aMissingOrExtraFileIsRefused() throws IOException {
        byte[] missing = rewrite(kit(files(), key), e -> e.remove("designs/index.json"));
        assertThatThrownBy(() -> KitArchive.read(missing, null)).hasMessageStartingWith("designs/index.json is missing");
        byte[] extra = rewrite(kit(files(), key), e -> e.put("designs/evil.sh", new byte[] {1}));
        assertThatThrownBy(() -> KitArchive.read(extra, null)).hasMessageStartingWith("designs/evil.sh is an extra file");
    }

    @Test
    void aWrongSignatureOrAnotherKeyIsRefused() {
        assertThatThrownBy(() -> KitArchive.read(kit(files(), other), null)).hasMessageContaining("the signature does not hold");
        assertThatThrownBy(() -> KitArchive.read(kit(files(), key), vkey(other))).hasMessageContaining("not the one given");
    }

    @Test
    void aChangedManifestIsRefusedByItsSignature() throws IOException {
        byte[] changed = rewrite(kit(files(), key), e -> e.put("kit.json",
                new String(e.get("kit.json"), StandardCharsets.UTF_8).replace("Maysville", "Maysvillf").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> KitArchive.read(changed, null)).hasMessageStartingWith("kit.json was changed");
    }

    @Test
    void namesOutsideTheArchiveAreRefused() throws IOException {
        byte[] slip = rewrite(kit(files(), key), e -> e.put("../../etc/cron.d/evil", new byte[] {1}));
        assertThatThrownBy(() -> KitArchive.read(slip, null)).hasMessage("the archive holds a file outside it: ../../etc/cron.d/evil");
        Map<String, byte[]> escaping = files();
        escaping.put("designs/../../outside.txt", new byte[] {1});
        assertThatThrownBy(() -> KitArchive.read(kit(escaping, key), null)).hasMessageContaining("outside");
        assertThat(KitArchive.safe("designs/lifetrac/1.0.zip")).isTrue();
        assertThat(KitArchive.safe("/etc/passwd")).isFalse();
        assertThat(KitArchive.safe("C:evil")).isFalse();
        assertThat(KitArchive.safe("a\\..\\b")).isFalse();
    }

    @Test
    void anArchiveBombIsRefusedBeforeItIsUnpacked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("HANDBOOK.md"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros); // 100 MB of zeros: about 100 KB packed
            }
            zip.closeEntry();
        }
        assertThatThrownBy(() -> KitArchive.read(out.toByteArray(), null)).hasMessageContaining("archive bomb");
        assertThatThrownBy(() -> KitArchive.read("not a zip".getBytes(StandardCharsets.UTF_8), null)).hasMessageContaining("not a zip");
    }
}
