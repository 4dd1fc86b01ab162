package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import microfactory.support.SharedData;

/** C2SP signed notes and checkpoints, against the published examples. */
class NotesTest {

    static String read(String file) throws IOException {
        return Files.readString(SharedData.require("ledger/merkle-testdata/" + file), StandardCharsets.UTF_8);
    }

    @Test
    void theC2spSignedNoteExampleVerifies() throws IOException {
        NoteKeys.Verifier key = NoteKeys.parseVkey(read("c2sp/signed-note-example.vkey"));
        assertThat(key.name()).isEqualTo("example.com/foo");
        assertThat(String.format("%08x", key.keyId())).isEqualTo("530d903a");
        SignedNote note = SignedNote.parse(read("c2sp/signed-note-example.note"));
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.verifiedBy(key)).isTrue();
        assertThat(key.vkey()).isEqualTo(read("c2sp/signed-note-example.vkey").strip());
    }

    @Test
    void aChangedTextNoLongerVerifies() throws IOException {
        NoteKeys.Verifier key = NoteKeys.parseVkey(read("c2sp/signed-note-example.vkey"));
        String tampered = read("c2sp/signed-note-example.note").replace("example message", "exemplary message");
        assertThat(SignedNote.parse(tampered).verifiedBy(key)).isFalse();
    }

    @Test
    void signingWithTheGoVectorsKeyReproducesItsSignatureByteForByte() throws Exception {
        String skey = read("golang-sumdb-note/PeterNeumann.skey").strip();
        String[] parts = skey.split("\\+", 5);
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(parts[4]), 1, 33);
        // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410).
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        NoteKeys.Verifier verifier = NoteKeys.parseVkey(read("golang-sumdb-note/PeterNeumann.vkey"));

        String expected = read("golang-sumdb-note/PeterNeumann-signed.note");
        String text = SignedNote.parse(expected).text();
        assertThat(SignedNote.sign(text, "PeterNeumann", key, verifier.keyId())).isEqualTo(expected);
        SignedNote both = SignedNote.parse(read("golang-sumdb-note/PeterNeumann-EnochRoot-signed.note"));
        assertThat(both.signatures()).hasSize(2);
        assertThat(both.verifiedBy(verifier)).isTrue();
        assertThat(both.verifiedBy(NoteKeys.parseVkey(read("golang-sumdb-note/EnochRoot.vkey")))).isTrue();
    }

    @Test
    void theCheckpointExampleParses() throws IOException {
        SignedNote note = SignedNote.parse(read("c2sp/tlog-checkpoint-example.note"));
        Checkpoint c = Checkpoint.parse(note.text());
        assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(c.size()).isEqualTo(20852163L);
        assertThat(c.body()).isEqualTo(note.text());
        assertThat(SignedNote.parse(read("c2sp/tlog-cosignature-example.note")).signatures()).hasSize(2);
        assertThat(SignedNote.parse(read("c2sp/signed-note-intro.note")).text()).contains("\n\n");
    }

    @Test
    void ourCheckpointsRoundTrip() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteKeys.Verifier verifier = NoteKeys.verifier("chapter.example/ledger", pair.getPublic());
        Checkpoint c = new Checkpoint("chapter.example/ledger", 42, Hashes.sha256(new byte[] {1}));
        String note = SignedNote.sign(c.body(), verifier.name(), pair.getPrivate(), verifier.keyId());
        assertThat(SignedNote.parse(note).verifiedBy(NoteKeys.parseVkey(verifier.vkey()))).isTrue();
        assertThat(Checkpoint.parse(SignedNote.parse(note).text())).usingRecursiveComparison().isEqualTo(c);
        assertThatThrownBy(() -> SignedNote.parse("no signature\n")).hasMessageContaining("blank line");
    }
}
