package microfactory.ledger.tlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A cursor over JSON that must already be in RFC 8785 canonical form: members in strictly increasing UTF-16
 * order, no white space, minimal string escapes, valid UTF-8, integers only (the ledger's numbers) within
 * ±(2^53 − 1) and without leading zeros. Anything else is refused with the byte offset. It builds no values: a
 * reader walks the document with it, takes what it needs and {@link #skip}s the rest (which is checked all
 * the same), so a million entries are checked without garbage. One cursor per thread, {@link #reset} per document.
 * A cursor made by {@link #learning()} also remembers the layouts of the documents it checked in full
 * ({@link JsonShape}); a later document in one of them is checked by its frame and values and read by replaying
 * the layout's tokens, with the same answers.
 */
public final class CanonicalJson {

    public static final int OBJECT = 1;
    public static final int ARRAY = 2;
    public static final int STRING = 3;
    public static final int NUMBER = 4;
    public static final int TRUE = 5;
    public static final int FALSE = 6;
    public static final int NULL = 7;

    /** Deeper nesting than any ledger entry needs; refused rather than risking the stack. */
    static final int MAX_DEPTH = 256;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final LayoutReplay replay; // a learning cursor's; null for a plain one
    private boolean replaying; // the document has a known layout: it is read by the replay
    private CanonicalJson strings; // a learning cursor's plain one, for strings that are not plain ASCII

    private byte[] b;
    private int from;
    private int end;
    private int i;
    private int depth;

    // Per open object or array: whether a member or item was read yet; for objects the last name, to check order.
    private boolean[] started = new boolean[16];
    private int[] nameStarts = new int[16];
    private int[] nameEnds = new int[16];
    private long[] namePrefixes = new long[16];
    private boolean[] namePlain = new boolean[16];

    // The last string read (a member name or a value): bytes [stringStart, stringEnd) between the quotes.
    private int stringStart;
    private int stringEnd;
    private boolean stringPlain;

    public CanonicalJson() {
        this(false, false);
    }

    CanonicalJson(boolean learns, boolean persistent) {
        this.replay = learns ? new LayoutReplay(persistent) : null;
    }

    /** A cursor that learns the layouts of the documents it checks, for a reader going through many alike. */
    public static CanonicalJson learning() {
        return new CanonicalJson(true, false);
    }

    /** Starts on the document in bytes [from, to) of {@code bytes}, such as one entry inside a tile bundle. */
    public CanonicalJson reset(byte[] bytes, int from, int to) {
        this.b = bytes;
        this.from = from;
        this.i = from;
        this.end = to;
        this.depth = 0;
        this.replaying = replay != null && replay.start(bytes, from, to, strings());
        return this;
    }

    /** A plain cursor this one checks strings with while matching layouts. */
    private CanonicalJson strings() {
        if (strings == null) {
            strings = new CanonicalJson();
        }
        return strings;
    }

    /** Where the string whose bytes start at {@code start} closes, checked in full; -1 when it is not canonical. */
    int checkedStringEnd(byte[] bytes, int start, int to) {
        reset(bytes, start - 1, to);
        try {
            string();
            return stringEnd;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Checks a whole document, building nothing. */
    public static void check(byte[] bytes, int from, int to) {
        CanonicalJson json = new CanonicalJson().reset(bytes, from, to);
        json.skip();
        json.finish();
    }

    /** After the document's one value: nothing may follow. */
    public void finish() {
        if (replaying) {
            if (!replay.atEnd()) {
                throw error("bytes after the end of the value");
            }
            return;
        }
        if (i != end) {
            throw error("bytes after the end of the value");
        }
        if (replay != null && depth == 0) {
            replay.learn(b, from, end); // checked in full: its layout, kept for the next
        }
    }

    public byte[] bytes() {
        return b;
    }

    /** What the next value is, from its first byte (a malformed number or literal is refused when read). */
    public int next() {
        if (replaying) {
            return replay.next();
        }
        return switch (peek()) {
            case '{' -> OBJECT;
            case '[' -> ARRAY;
            case '"' -> STRING;
            case 't' -> TRUE;
            case 'f' -> FALSE;
            case 'n' -> NULL;
            default -> NUMBER;
        };
    }

    /** Checks the next value, whatever it is, and moves past it. */
    public void skip() {
        if (replaying) {
            replay.skip();
            return;
        }
        switch (peek()) {
            case '{' -> {
                beginObject();
                while (nextMember()) {
                    skip();
                }
            }
            case '[' -> {
                beginArray();
                while (nextItem()) {
                    skip();
                }
            }
            case '"' -> string();
            case 't', 'f', 'n' -> literal();
            default -> number();
        }
    }

    public void beginObject() {
        begin(OBJECT, '{');
    }

    private void begin(int kind, char open) {
        if (replaying) {
            if (!replay.enter(kind)) {
                throw error("expected '" + open + "'");
            }
            return;
        }
        expect(open);
        enter();
    }

    /**
     * Moves to the next member's value and returns true, or past the closing brace and returns false. The name
     * must sort after the previous one; {@link #name} tells which it is.
     */
    public boolean nextMember() {
        if (replaying) {
            return replay.nextMember();
        }
        int d = depth;
        if (closes('}')) {
            return false;
        }
        if (peek() != '"') {
            throw error("a member name must follow");
        }
        string();
        long prefix = prefix(b, stringStart, stringEnd - stringStart);
        if (started[d]) {
            boolean ascending = stringPlain && namePlain[d]
                    ? compareAscii(b, nameStarts[d], nameEnds[d], namePrefixes[d], b, stringStart, stringEnd, prefix) < 0
                    : decode(b, nameStarts[d], nameEnds[d]).compareTo(decode(b, stringStart, stringEnd)) < 0;
            if (!ascending) {
                throw error("members are not in canonical order ('" + decode(b, stringStart, stringEnd) + "' after '"
                        + decode(b, nameStarts[d], nameEnds[d]) + "')");
            }
        }
        started[d] = true;
        nameStarts[d] = stringStart;
        nameEnds[d] = stringEnd;
        namePrefixes[d] = prefix;
        namePlain[d] = stringPlain;
        expect(':');
        return true;
    }

    /** Which of {@code names} the current member's name is, or -1. */
    public int name(Names names) {
        if (replaying) {
            return replay.name(names);
        }
        int d = depth;
        if (!namePlain[d]) {
            return -1; // the names looked for are plain ASCII
        }
        return names.find(b, nameStarts[d], nameEnds[d] - nameStarts[d], namePrefixes[d]);
    }

    public void beginArray() {
        begin(ARRAY, '[');
    }

    /** Moves to the next item and returns true, or past the closing bracket and returns false. */
    public boolean nextItem() {
        if (replaying) {
            return replay.nextItem();
        }
        int d = depth;
        if (closes(']')) {
            return false;
        }
        started[d] = true;
        return true;
    }

    /** At the start of a member or item: the container's end (then leaves it), a comma, or for the first, nothing. */
    private boolean closes(char close) {
        int d = depth;
        byte c = peek();
        if (c == close) {
            i++;
            depth--;
            return true;
        }
        if (started[d]) {
            if (c != ',') {
                throw error("expected ',' or '" + close + "'");
            }
            i++;
        }
        return false;
    }

    /**
     * Whether this document has a layout met before: then it is already known to be canonical, its values are
     * numbered in document order, and a reader may keep what it learnt about the layout in {@link #memo}.
     */
    public boolean replaying() {
        return replaying;
    }

    /** While {@link #replaying}: the number of the string or number just read; -1 otherwise. */
    public int value() {
        return replaying ? replay.value() : -1;
    }

    /** While {@link #replaying}: value k's bytes (a string's between its quotes) are [valueStart(k), valueEnd(k)). */
    public int valueStart(int k) {
        return replay.valueStart(k);
    }

    public int valueEnd(int k) {
        return replay.valueEnd(k);
    }

    /** While {@link #replaying}: whether value k is the same in every document of this layout. */
    public boolean fixed(int k) {
        return replay.fixed(k);
    }

    /** While {@link #replaying}: value k, a number. */
    public long valueNumber(int k) {
        return replay.valueNumber(k);
    }

    /** While {@link #replaying}: what the reader keeps for this layout (null at first). */
    public Object memo() {
        return replay.memo();
    }

    public void memo(Object memo) {
        replay.memo(memo);
    }

    private void enter() {
        if (++depth >= MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (depth == started.length) {
            started = Arrays.copyOf(started, depth * 2);
            nameStarts = Arrays.copyOf(nameStarts, depth * 2);
            nameEnds = Arrays.copyOf(nameEnds, depth * 2);
            namePrefixes = Arrays.copyOf(namePrefixes, depth * 2);
            namePlain = Arrays.copyOf(namePlain, depth * 2);
        }
        started[depth] = false;
    }

    /** The last string's bytes between the quotes, as they are (escapes undecoded): [stringStart, stringEnd). */
    public int stringStart() {
        return stringStart;
    }

    public int stringEnd() {
        return stringEnd;
    }

    /** Whether the last string's bytes are exactly {@code ascii}. */
    public boolean stringIs(byte[] ascii) {
        if (stringEnd - stringStart != ascii.length) {
            return false;
        }
        for (int k = 0; k < ascii.length; k++) { // short words: a plain loop beats a ranged Arrays.equals
            if (b[stringStart + k] != ascii[k]) {
                return false;
            }
        }
        return true;
    }

    /** True where some byte of {@code w} is zero (may also flag a byte after a real hit; never misses one). */
    private static long zeroByte(long w) {
        return (w - ONES) & ~w & HIGHS;
    }

    /**
     * Flags the quotes, backslashes, control characters and non-ASCII bytes among eight: the lowest flag is the first
     * such byte (flags above it may be false, never the lowest).
     */
    static long special(long w) {
        return (w & HIGHS) | zeroByte(w & ~HIGHS ^ 0x2222222222222222L) | zeroByte(w ^ 0x5C5C5C5C5C5C5C5CL)
                | ((w & ~HIGHS) - 0x2020202020202020L & HIGHS);
    }

    /** Reads a string; its bytes are then at {@link #stringStart()}. */
    public void string() {
        if (replaying) {
            int value = replay.value(STRING);
            if (value < 0) {
                throw error("expected '\"'");
            }
            stringStart = replay.valueStart(value);
            stringEnd = replay.valueEnd(value);
            stringPlain = true;
            return;
        }
        expect('"');
        int start = i;
        boolean plain = true;
        while (true) {
            // Eight bytes at a time: the first quote, backslash, control character or non-ASCII byte, if any, is
            // where the lowest flag falls (the flags above it may be false, never the lowest).
            if (i + 8 <= end) {
                long special = special((long) LONGS.get(b, i));
                if (special == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3;
            } else if (i >= end) {
                throw error("unterminated string");
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                stringStart = start;
                stringEnd = i++;
                stringPlain = plain;
                return;
            }
            if (c < 0x20) {
                throw error("a control character must be escaped");
            }
            if (c == '\\') {
                escape();
                plain = false;
            } else if (c >= 0x80) {
                utf8(c);
                plain = false;
            } else {
                i++;
            }
        }
    }

    /** The escapes RFC 8785 writes: \" \\ \b \f \n \r \t, and a six-character u-escape in lower-case hex for other control characters only. */
    private void escape() {
        if (i + 1 >= end) {
            throw error("unterminated escape");
        }
        byte e = b[i + 1];
        switch (e) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> i += 2;
            case 'u' -> {
                if (i + 6 > end) {
                    throw error("short \\u escape");
                }
                String hex = new String(b, i + 2, 4, StandardCharsets.ISO_8859_1);
                int code;
                try {
                    code = Integer.parseInt(hex, 16);
                } catch (NumberFormatException x) {
                    throw error("bad \\u escape");
                }
                boolean shortForm = code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t';
                if (code >= 0x20 || shortForm || !hex.equals(hex.toLowerCase(Locale.ROOT))) {
                    throw error("\\u" + hex + " is not the canonical escape");
                }
                i += 6;
            }
            default -> throw error("\\" + (char) e + " is not a canonical escape");
        }
    }

    /** One well-formed UTF-8 sequence (no overlong forms, no surrogates, nothing above U+10FFFF). */
    private void utf8(int lead) {
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw error("a string is not valid UTF-8");
        }
        if (i + length > end) {
            throw error("a string is not valid UTF-8");
        }
        for (int k = 1; k < length; k++) {
            int c = b[i + k] & 0xFF;
            if (k == 1 ? c < low || c > high : c < 0x80 || c > 0xBF) {
                throw error("a string is not valid UTF-8");
            }
        }
        i += length;
    }

    /** Reads a whole number. */
    public long number() {
        if (replaying) {
            int value = replay.value(NUMBER);
            if (value < 0) {
                throw error("unexpected character");
            }
            return replay.valueNumber(value);
        }
        int start = i;
        boolean negative = peek() == '-';
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

    /** Reads true, false or null; returns {@link #TRUE}, {@link #FALSE} or {@link #NULL}. */
    public int literal() {
        if (replaying) {
            int type = replay.literal();
            if (type < 0) {
                throw error("unexpected character");
            }
            return type;
        }
        int type = next();
        String word = type == TRUE ? "true" : type == FALSE ? "false" : "null";
        for (int k = 0; k < word.length(); k++) {
            if (i + k >= end || b[i + k] != word.charAt(k)) {
                throw error("unexpected character");
            }
        }
        i += word.length();
        return type;
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
        return new IllegalArgumentException("not in canonical form (RFC 8785) at byte " + (i - from) + ": " + why);
    }

    /** Member names to look for: plain ASCII, each with its first eight bytes as a number. */
    public static final class Names {
        final byte[][] bytes;
        final long[] prefixes;

        public Names(String... names) {
            bytes = new byte[names.length][];
            prefixes = new long[names.length];
            for (int k = 0; k < names.length; k++) {
                if (names[k].chars().anyMatch(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\')) {
                    throw new IllegalArgumentException("a name looked for must be plain ASCII: " + names[k]);
                }
                bytes[k] = names[k].getBytes(StandardCharsets.US_ASCII);
                prefixes[k] = prefix(bytes[k], 0, bytes[k].length);
            }
        }

        /** Which of these the plain ASCII name at [at, at + length) of {@code b} is, given its prefix; or -1. */
        int find(byte[] b, int at, int length, long prefix) {
            for (int k = 0; k < prefixes.length; k++) {
                if (prefixes[k] == prefix && bytes[k].length == length && (length <= 8 || rest(b, at, bytes[k]))) {
                    return k;
                }
            }
            return -1;
        }

        /** Whether the bytes from {@code at} + 8 are those of {@code name} after its first eight. */
        private static boolean rest(byte[] b, int at, byte[] name) {
            for (int k = 8; k < name.length; k++) {
                if (b[at + k] != name[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The first eight bytes of [from, from + length) as an unsigned number, zero-padded: for plain ASCII (which has
     * no zero byte) comparing these numbers orders the strings as their first eight characters do.
     */
    static long prefix(byte[] b, int from, int length) {
        if (from + 8 <= b.length) {
            long word = (long) BIG_ENDIAN_LONGS.get(b, from);
            return length >= 8 ? word : word & ~(-1L >>> (8 * length));
        }
        long p = 0;
        for (int k = 0; k < 8; k++) {
            p = p << 8 | (k < length ? b[from + k] & 0xFF : 0);
        }
        return p;
    }

    /** Compares plain ASCII [a, aEnd) of {@code b} with [c, cEnd) of {@code d}, given their prefixes. */
    static int compareAscii(byte[] b, int a, int aEnd, long aPrefix, byte[] d, int c, int cEnd, long cPrefix) {
        if (aPrefix != cPrefix) {
            return Long.compareUnsigned(aPrefix, cPrefix);
        }
        for (int k = 8; a + k < aEnd && c + k < cEnd; k++) {
            if (b[a + k] != d[c + k]) {
                return b[a + k] - d[c + k];
            }
        }
        return (aEnd - a) - (cEnd - c);
    }

    /** The characters of a checked string's bytes [from, to): escapes decoded, UTF-8 read. */
    public static String decode(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        int run = from;
        int k = from;
        while (k < to) {
            if (b[k] != '\\') {
                k++;
                continue;
            }
            s.append(new String(b, run, k - run, StandardCharsets.UTF_8));
            char e = (char) b[k + 1];
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append((char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.ISO_8859_1), 16));
                    k += 4;
                }
                default -> s.append(e);
            }
            k += 2;
            run = k;
        }
        return s.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
    }
}
