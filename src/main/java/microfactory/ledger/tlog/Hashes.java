package microfactory.ledger.tlog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** RFC 9162 §2.1.1 hashing: SHA-256 with 0x00 before a leaf and 0x01 before a pair of children. */
public final class Hashes {

    public static final int SIZE = 32;
    public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private Hashes() {
    }

    /** One digest per thread: MessageDigest.getInstance costs more than hashing a small entry. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashes::digest);

    public static byte[] leaf(byte[] entry) {
        return leaf(entry, 0, entry.length);
    }

    /** The leaf hash of {@code length} bytes from {@code offset}: hashes an entry inside a bundle without copying it. */
    public static byte[] leaf(byte[] bytes, int offset, int length) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0);
        d.update(bytes, offset, length);
        return d.digest();
    }

    /** The leaf hash of bytes [offset, offset + length), written into {@code out} at {@code at}: no array per hash. */
    public static void leaf(byte[] bytes, int offset, int length, byte[] out, int at) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0);
        d.update(bytes, offset, length);
        finish(d, out, at);
    }

    /** The node hash of the two hashes side by side at {@code in[offset, offset + 64)}, written into {@code out} at {@code at}. */
    public static void node(byte[] in, int offset, byte[] out, int at) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 1);
        d.update(in, offset, 2 * SIZE);
        finish(d, out, at);
    }

    private static void finish(MessageDigest d, byte[] out, int at) {
        try {
            d.digest(out, at, SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest has 32 bytes", e);
        }
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 1);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] copy(byte[] hash) {
        return Arrays.copyOf(hash, hash.length);
    }
}
