package microfactory.ledger.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * C2SP tlog-cosignature, Ed25519 type ({@code cosignature/v1}): a witness's timestamped statement that a checkpoint is the
 * largest consistent tree head it has seen of that log. The key ID takes the type byte 0x04, so a cosigner key never
 * passes for a log key; the signed message is the header line, a {@code time} line, then the checkpoint's note body.
 */
public final class Cosignatures {

    static final byte ED25519_COSIGNATURE = 0x04;
    private static final String DASH = "\u2014 ";

    /** A cosigner: its name, key ID and raw 32-byte Ed25519 public key. */
    public record Cosigner(String name, int keyId, byte[] publicKey) {

        public String vkey() {
            byte[] typed = new byte[33];
            typed[0] = ED25519_COSIGNATURE;
            System.arraycopy(publicKey, 0, typed, 1, 32);
            return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
        }
    }

    private Cosignatures() {
    }

    public static Cosigner cosigner(String name, byte[] rawPublicKey) {
        return new Cosigner(name, keyId(name, rawPublicKey), rawPublicKey);
    }

    static int keyId(String name, byte[] publicKey) {
        var d = Hashes.digest();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519_COSIGNATURE);
        d.update(publicKey);
        return ByteBuffer.wrap(d.digest(), 0, 4).getInt();
    }

    /** Parses a cosigner's verifier key (type 0x04); throws with the reason when it is malformed or its ID does not match. */
    public static Cosigner parseVkey(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a witness key reads name+keyid+key");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the witness key is not base64");
        }
        if (typed.length != 33 || typed[0] != ED25519_COSIGNATURE) {
            throw new IllegalArgumentException("a witness key is an Ed25519 cosignature key (type 0x04, 32 bytes)");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        int id = keyId(parts[0], raw);
        if (!String.format("%08x", id).equals(parts[1])) {
            throw new IllegalArgumentException("the key ID " + parts[1] + " does not match the witness key");
        }
        return new Cosigner(parts[0], id, raw);
    }

    /** What a cosignature signs: the header, the time, and the checkpoint's body (its text up to the blank line). */
    static byte[] message(String checkpointBody, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** The signature line ("— name base64(key ID ‖ timestamp ‖ signature)\n") that cosigns the checkpoint body at the time. */
    public static String sign(String checkpointBody, String name, PrivateKey key, byte[] rawPublicKey, long timestamp) {
        if (!checkpointBody.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint's body ends with a newline");
        }
        byte[] sig = NoteKeys.sign(key, message(checkpointBody, timestamp));
        byte[] blob = ByteBuffer.allocate(4 + 8 + sig.length).putInt(keyId(name, rawPublicKey)).putLong(timestamp).put(sig).array();
        return DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** The time a valid cosignature by this cosigner on the note states; empty when the note has none that holds. */
    public static OptionalLong verify(SignedNote note, Cosigner cosigner) {
        for (SignedNote.Line line : note.signatures()) {
            if (!line.name().equals(cosigner.name()) || line.keyId() != cosigner.keyId() || line.signature().length != 8 + 64) {
                continue;
            }
            long timestamp = ByteBuffer.wrap(line.signature(), 0, 8).getLong();
            byte[] sig = Arrays.copyOfRange(line.signature(), 8, line.signature().length);
            NoteKeys.Verifier check = new NoteKeys.Verifier(cosigner.name(), cosigner.keyId(), cosigner.publicKey());
            if (timestamp >= 0 && check.verify(message(note.text(), timestamp), sig)) {
                return OptionalLong.of(timestamp);
            }
        }
        return OptionalLong.empty();
    }
}
