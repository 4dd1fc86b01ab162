package microfactory.merit.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: one bit per credential (index 0 is the left-most bit of the first byte), GZIP-compressed
 * and written as multibase base64url ('u', no padding). At least 131,072 bits, so one set bit says little about whom.
 */
public final class BitstringStatusList {

    public static final int MIN_BITS = 131_072;
    /** A list that inflates past this is refused: a few bytes of GZIP can otherwise claim gigabytes. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    public static BitstringStatusList of(BitSet set, int size) {
        byte[] bytes = new byte[Math.max(size, MIN_BITS) / 8];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new BitstringStatusList(bytes);
    }

    /** @throws IllegalArgumentException saying why the text is not a status list */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url, starting with 'u'");
        }
        byte[] gzipped;
        try {
            gzipped = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url: " + e.getMessage());
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("encodedList inflates to more than " + MAX_BYTES + " bytes");
            }
            return new BitstringStatusList(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data: " + e.getMessage());
        }
    }

    public String encode() {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean isSet(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the list's " + size() + " entries");
        }
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
