package microfactory.merit.credentials;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys in Multikey form: 'z' + base58btc of the multicodec prefix (0xed01 public, 0x8026 private) and the
 * 32 raw key bytes. Public keys in this form start "z6Mk".
 */
public final class Multikey {

    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};

    private Multikey() {
    }

    public static String encode(PublicKey key) {
        byte[] der = key.getEncoded();
        byte[] out = new byte[34];
        out[0] = (byte) 0xed;
        out[1] = 0x01;
        System.arraycopy(der, der.length - 32, out, 2, 32);
        return "z" + Base58.encode(out);
    }

    /** @throws IllegalArgumentException saying what is wrong with the text */
    public static PublicKey decodePublic(String multibase) {
        byte[] raw = decode(multibase, (byte) 0xed, (byte) 0x01, "an Ed25519 public key (z6Mk…)");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage());
        }
    }

    public static PrivateKey decodePrivate(String multibase) {
        byte[] seed = decode(multibase, (byte) 0x80, (byte) 0x26, "an Ed25519 private key (z3u2…)");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 private key: " + e.getMessage());
        }
    }

    private static byte[] decode(String multibase, byte first, byte second, String what) {
        if (multibase == null || !multibase.startsWith("z")) {
            throw new IllegalArgumentException("expected " + what + " in multibase base58btc, starting with 'z'");
        }
        byte[] bytes = Base58.decode(multibase.substring(1));
        if (bytes.length != 34 || bytes[0] != first || bytes[1] != second) {
            throw new IllegalArgumentException("'" + multibase + "' is not " + what);
        }
        return Arrays.copyOfRange(bytes, 2, 34);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
