package microfactory.ledger.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C2SP tlog-tiles paths and formats: tiles of 256 hashes at levels of height 8, and entry bundles of
 * 256 entries, each entry prefixed by its big-endian 16-bit length.
 */
public final class Tiles {

    public static final int WIDTH = 256;
    public static final int HEIGHT = 8;
    public static final int MAX_ENTRY_BYTES = 0xFFFF;

    private static final Pattern TILE = Pattern.compile(
            "tile/(entries|[0-9]|[1-5][0-9]|6[0-3])/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([0-9]{1,3}))?");

    /** A tile or bundle address: level null for an entry bundle. */
    public record Address(Integer level, long index, int width) {

        /** Entry bundle {@code index}, holding {@code width} entries. */
        public static Address entries(long index, int width) {
            return new Address(null, index, width);
        }

        public boolean entries() {
            return level == null;
        }

        public boolean partial() {
            return width < WIDTH;
        }

        public String path() {
            return "tile/" + (entries() ? "entries" : level.toString()) + "/" + encodeIndex(index)
                    + (partial() ? ".p/" + width : "");
        }
    }

    private Tiles() {
    }

    /** 1234067 → x001/x234/067. */
    public static String encodeIndex(long n) {
        String digits = Long.toString(n);
        int groups = Math.max(1, (digits.length() + 2) / 3);
        String padded = "0".repeat(groups * 3 - digits.length()) + digits;
        StringBuilder path = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                path.append('/');
            }
            if (g < groups - 1) {
                path.append('x');
            }
            path.append(padded, g * 3, g * 3 + 3);
        }
        return path.toString();
    }

    /** Parses a path below the log's prefix, e.g. "tile/0/x001/234.p/17"; empty when it is no tile path. */
    public static Optional<Address> parse(String path) {
        Matcher m = TILE.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        long index;
        int width;
        try {
            index = Long.parseLong(m.group(2).replace("x", "").replace("/", ""));
            width = m.group(3) == null ? WIDTH : Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a number too large for any log: no such tile
        }
        if (width < 1 || width >= WIDTH && m.group(3) != null) {
            return Optional.empty();
        }
        Integer level = m.group(1).equals("entries") ? null : Integer.valueOf(m.group(1));
        Address address = new Address(level, index, width);
        return address.path().equals(path) ? Optional.of(address) : Optional.empty(); // one canonical path per tile
    }

    /** The tiles (and bundles) a client needs for a tree of {@code size}: every level, full ones and the partial edge. */
    public static List<Address> forTree(long size) {
        List<Address> all = new ArrayList<>();
        addLevel(all, null, size);
        for (int level = 0; level < 64; level++) {
            long count = size >> (HEIGHT * level);
            if (count == 0) {
                break;
            }
            addLevel(all, level, count);
        }
        return all;
    }

    private static void addLevel(List<Address> all, Integer level, long count) {
        for (long n = 0; n * WIDTH < count; n++) {
            all.add(new Address(level, n, (int) Math.min(WIDTH, count - n * WIDTH)));
        }
    }

    public static byte[] bundle(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            if (e.length > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("an entry has at most 65535 bytes");
            }
            out.write(e.length >> 8);
            out.write(e.length & 0xFF);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    /** Splits a bundle into its entries; throws with the reason if the framing is broken. */
    public static List<byte[]> unbundle(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new IllegalArgumentException("a length prefix is cut off at byte " + at);
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + length > bundle.length) {
                throw new IllegalArgumentException("entry " + entries.size() + " runs past the end of the bundle");
            }
            entries.add(Arrays.copyOfRange(bundle, at, at + length));
            at += length;
        }
        return entries;
    }
}
