package microfactory.ledger.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads JSON that must already be in RFC 8785 canonical form, in one pass over the bytes: members in
 * strictly increasing UTF-16 order, no white space, minimal string escapes, integers only (the ledger's
 * numbers) without leading zeros. Anything else is refused with the byte offset. Returns plain values:
 * {@link Obj}, List, String, Long, Boolean, or {@link #NULL}. Faster than building a tree and writing it back.
 */
public final class CanonicalJson {

    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** An object's members: canonical order is sorted order, so a lookup is a binary search. */
    public static final class Obj {
        private final String[] keys;
        private final Object[] values;

        Obj(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        public Object get(String key) {
            int at = java.util.Arrays.binarySearch(keys, key);
            return at >= 0 ? values[at] : null;
        }

        public boolean has(String key) {
            return java.util.Arrays.binarySearch(keys, key) >= 0;
        }

        public int size() {
            return keys.length;
        }
    }

    private final byte[] b;
    private final int end;
    private int i;

    private CanonicalJson(byte[] bytes, int from, int to) {
        this.b = bytes;
        this.i = from;
        this.end = to;
    }

    public static Object parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses the bytes [from, to) of a larger array, such as one entry inside a tile bundle. */
    public static Object parse(byte[] bytes, int from, int to) {
        CanonicalJson p = new CanonicalJson(bytes, from, to);
        Object value = p.value();
        if (p.i != to) {
            throw p.error("bytes after the end of the value");
        }
        return value;
    }

    private Object value() {
        if (i >= end) {
            throw error("unexpected end");
        }
        return switch (b[i]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    /**
     * Members and items are gathered on per-thread scratch stacks (one level per nesting depth) and copied once into
     * arrays of the exact size: a million entries make no garbage lists.
     */
    private static final class Scratch {
        String[][] keys = new String[8][16];
        Object[][] values = new Object[8][16];

        void ensure(int depth) {
            if (depth >= keys.length) {
                keys = java.util.Arrays.copyOf(keys, depth * 2);
                values = java.util.Arrays.copyOf(values, depth * 2);
            }
            if (keys[depth] == null) {
                keys[depth] = new String[16];
                values[depth] = new Object[16];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private final Scratch scratch = SCRATCH.get();
    private int depth;

    private Obj object() {
        i++;
        int level = depth++;
        scratch.ensure(level);
        int n = 0;
        try {
            if (peek() == '}') {
                i++;
                return new Obj(new String[0], new Object[0]);
            }
            String previous = null;
            while (true) {
                if (peek() != '"') {
                    throw error("a member name must follow");
                }
                String key = string();
                if (previous != null && previous.compareTo(key) >= 0) {
                    throw error("members are not in canonical order ('" + key + "' after '" + previous + "')");
                }
                previous = key;
                expect(':');
                Object value = value();
                if (n == scratch.keys[level].length) {
                    scratch.keys[level] = java.util.Arrays.copyOf(scratch.keys[level], n * 2);
                    scratch.values[level] = java.util.Arrays.copyOf(scratch.values[level], n * 2);
                }
                scratch.keys[level][n] = key;
                scratch.values[level][n++] = value;
                byte c = peek();
                i++;
                if (c == '}') {
                    return new Obj(java.util.Arrays.copyOf(scratch.keys[level], n), java.util.Arrays.copyOf(scratch.values[level], n));
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        } finally {
            depth--;
        }
    }

    private List<Object> array() {
        i++;
        int level = depth++;
        scratch.ensure(level);
        int n = 0;
        try {
            if (peek() == ']') {
                i++;
                return List.of();
            }
            while (true) {
                Object value = value();
                if (n == scratch.values[level].length) {
                    scratch.keys[level] = java.util.Arrays.copyOf(scratch.keys[level], n * 2);
                    scratch.values[level] = java.util.Arrays.copyOf(scratch.values[level], n * 2);
                }
                scratch.values[level][n++] = value;
                byte c = peek();
                i++;
                if (c == ']') {
                    return java.util.Arrays.asList(java.util.Arrays.copyOf(scratch.values[level], n));
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        } finally {
            depth--;
        }
    }

    /**
     * Short strings repeat across entries (member names, account codes, currencies, sides, kinds): each thread keeps
     * the last one seen per slot and hands it out again when the bytes match, instead of a new String each time.
     */
    private static final int CACHED_LENGTH = 24;
    private static final ThreadLocal<String[]> RECENT = ThreadLocal.withInitial(() -> new String[2048]);

    private String ascii(int start, int length) {
        if (length > CACHED_LENGTH) {
            return new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        int h = length;
        for (int k = start; k < start + length; k++) {
            h = 31 * h + b[k];
        }
        String[] recent = RECENT.get();
        int slot = (h ^ (h >>> 11)) & (recent.length - 1);
        String s = recent[slot];
        if (s != null && s.length() == length) {
            int k = 0;
            while (k < length && s.charAt(k) == b[start + k]) {
                k++;
            }
            if (k == length) {
                return s;
            }
        }
        s = new String(b, start, length, StandardCharsets.ISO_8859_1);
        recent[slot] = s;
        return s;
    }

    private String string() {
        int start = ++i;
        while (i < end) { // fast path: plain ASCII without escapes
            byte c = b[i];
            if (c == '"') {
                return ascii(start, i++ - start);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            i++;
        }
        i = start;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (i >= end) {
                throw error("unterminated string");
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                i++;
                break;
            }
            if (c < 0x20) {
                throw error("a control character must be escaped");
            }
            if (c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                throw error("unterminated escape");
            }
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"' -> out.write('"');
                case '\\' -> out.write('\\');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> {
                    if (i + 4 > end) {
                        throw error("short \\u escape");
                    }
                    String hex = new String(b, i, 4, StandardCharsets.ISO_8859_1);
                    int code;
                    try {
                        code = Integer.parseInt(hex, 16);
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    boolean shortForm = code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t';
                    if (code >= 0x20 || shortForm || !hex.equals(hex.toLowerCase())) {
                        throw error("\\u" + hex + " is not the canonical escape");
                    }
                    out.write(code);
                    i += 4;
                }
                default -> throw error("\\" + (char) e + " is not a canonical escape");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException x) {
            throw error("a string is not valid UTF-8");
        }
    }

    private Long number() {
        int start = i;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= end || b[i] < '0' || b[i] > '9') {
            throw error("unexpected character");
        }
        if (b[i] == '0' && (negative || i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '9')) {
            throw error("a number with a leading zero or -0 is not canonical");
        }
        long value = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            value = value * 10 + (b[i++] - '0');
            if (value > Jcs.MAX_SAFE_INTEGER) {
                throw error("an integer outside ±(2^53 − 1)");
            }
        }
        if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            throw error("ledger entries hold whole numbers only");
        }
        if (i - start > 17) {
            throw error("number too long");
        }
        return negative ? -value : value;
    }

    private Object literal(String word, Object value) {
        for (int k = 0; k < word.length(); k++) {
            if (i + k >= end || b[i + k] != word.charAt(k)) {
                throw error("unexpected character");
            }
        }
        i += word.length();
        return value;
    }

    private byte peek() {
        if (i >= end) {
            throw error("unexpected end");
        }
        return b[i];
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException("not in canonical form (RFC 8785) at byte " + i + ": " + why);
    }
}
