package microfactory.ledger.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed-note Ed25519 keys: the key ID is the first four bytes of
 * SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), and a verifier key reads {@code name+hex(id)+base64(0x01 ‖ key)}.
 */
public final class NoteKeys {

    static final byte ED25519 = 0x01;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 raw key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** A verifier: the key's name, ID and raw 32-byte public key. */
    public record Verifier(String name, int keyId, byte[] publicKey) {

        public String vkey() {
            byte[] typed = new byte[33];
            typed[0] = ED25519;
            System.arraycopy(publicKey, 0, typed, 1, 32);
            return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
        }

        public boolean verify(byte[] message, byte[] signature) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(toJdk(publicKey));
                s.update(message);
                return s.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    private NoteKeys() {
    }

    public static int keyId(String name, byte[] publicKey) {
        var d = Hashes.digest();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519);
        d.update(publicKey);
        return ByteBuffer.wrap(d.digest(), 0, 4).getInt();
    }

    public static Verifier verifier(String name, PublicKey key) {
        byte[] raw = raw(key);
        return new Verifier(name, keyId(name, raw), raw);
    }

    /** Parses a verifier key; throws with the reason when it is malformed or its ID does not match. */
    public static Verifier parseVkey(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3); // base64 may hold "+" itself
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key reads name+keyid+key");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01, 32 bytes) are supported");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        int id = keyId(parts[0], raw);
        if (!String.format("%08x", id).equals(parts[1])) {
            throw new IllegalArgumentException("the key ID " + parts[1] + " does not match the key");
        }
        return new Verifier(parts[0], id, raw);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    public static PublicKey toJdk(byte[] raw) throws GeneralSecurityException {
        byte[] der = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
