package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import microfactory.support.SharedData;

/** C2SP tlog-cosignature (Ed25519, cosignature/v1): signed and checked, a key ID of its own type, the spec's example read. */
class CosignaturesTest {

    static final String BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void aCosignatureHoldsUnderItsWitnessKeyAndStatesItsTime() throws Exception {
        KeyPair log = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair witness = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String signed = SignedNote.sign(BODY, "example.com/behind-the-sofa", log.getPrivate(),
                NoteKeys.keyId("example.com/behind-the-sofa", NoteKeys.raw(log.getPublic())));
        byte[] raw = NoteKeys.raw(witness.getPublic());
        String line = Cosignatures.sign(BODY, "witness.example.com/w1", witness.getPrivate(), raw, 1_679_315_147L);
        SignedNote note = SignedNote.parse(signed + line);
        Cosignatures.Cosigner cosigner = Cosignatures.parseVkey(Cosignatures.cosigner("witness.example.com/w1", raw).vkey());
        assertThat(Cosignatures.verify(note, cosigner)).hasValue(1_679_315_147L);
        // a cosigner key is never a log key: its ID is computed with type 0x04, so the note verifier does not take it
        assertThat(cosigner.keyId()).isNotEqualTo(NoteKeys.keyId("witness.example.com/w1", raw));
        assertThat(note.verifiedBy(new NoteKeys.Verifier("witness.example.com/w1", cosigner.keyId(), raw))).isFalse();
    }

    @Test
    void aChangedTimeOrCheckpointOrAnotherKeyDoesNotHold() throws Exception {
        KeyPair witness = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = NoteKeys.raw(witness.getPublic());
        String line = Cosignatures.sign(BODY, "w", witness.getPrivate(), raw, 100);
        byte[] blob = Base64.getDecoder().decode(line.substring(line.indexOf(' ', 2) + 1).strip());
        ByteBuffer.wrap(blob).putLong(4, 101);
        String later = "\u2014 w " + Base64.getEncoder().encodeToString(blob) + "\n";
        Cosignatures.Cosigner cosigner = Cosignatures.cosigner("w", raw);
        assertThat(Cosignatures.verify(SignedNote.parse(BODY + "\n" + later), cosigner)).isEmpty();
        assertThat(Cosignatures.verify(SignedNote.parse(BODY.replace("20852163", "20852164") + "\n" + line), cosigner)).isEmpty();
        assertThat(Cosignatures.verify(SignedNote.parse(BODY + "\n" + line), Cosignatures.cosigner("w", NoteKeys.raw(other.getPublic())))).isEmpty();
    }

    @Test
    void theSpecificationsExampleCosignatureStatesItsTime() throws Exception {
        String spec = Files.readString(SharedData.require("ledger/c2sp-specs/tlog-cosignature.md"), StandardCharsets.UTF_8);
        Matcher example = Pattern.compile("(example\\.com/behind-the-sofa\\n20852163\\n\\S+\\n\\n(?:\u2014 .+\\n)+)").matcher(spec);
        assertThat(example.find()).isTrue();
        SignedNote note = SignedNote.parse(example.group(1));
        assertThat(note.text()).isEqualTo(BODY);
        SignedNote.Line cosignature = note.signatures().stream().filter(l -> l.name().equals("witness.example.com/w1")).findFirst().orElseThrow();
        assertThat(cosignature.signature()).hasSize(8 + 64);
        // the timestamp the example's signed message shows ("time 1679315147"), big-endian after the key ID
        assertThat(ByteBuffer.wrap(cosignature.signature(), 0, 8).getLong()).isEqualTo(1_679_315_147L);
        assertThat(spec.replaceAll("(?m)^ {4}", "")).contains("cosignature/v1\ntime 1679315147\n" + BODY);
    }

    @Test
    void aMalformedWitnessKeyIsRefusedWithTheReason() throws Exception {
        KeyPair witness = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String logKey = NoteKeys.verifier("w", witness.getPublic()).vkey();
        assertThatThrownBy(() -> Cosignatures.parseVkey(logKey)).hasMessageContaining("type 0x04");
        assertThatThrownBy(() -> Cosignatures.parseVkey("w+00000000+" + Cosignatures.cosigner("w", NoteKeys.raw(witness.getPublic())).vkey()
                .split("\\+", 3)[2])).hasMessageContaining("does not match");
    }
}
