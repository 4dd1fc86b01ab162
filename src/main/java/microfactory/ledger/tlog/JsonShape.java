package microfactory.ledger.tlog;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The layout of a canonical JSON document with its strings and numbers cut out: the frame (braces, brackets, names,
 * colons, commas, literals, the values' quotes) and the tokens a reader walks. A log holds a million entries in a
 * handful of layouts. A document whose bytes are a known layout's frame around plain ASCII strings (no escape, no
 * control character) and canonical integers is itself canonical, because the layout was learnt from a document
 * checked in full: the names, their order and the nesting are the same bytes. So such a document is checked by
 * comparing its frame eight bytes at a time and scanning its values, and read by replaying the tokens.
 * Anything else (another layout, an escape, a non-ASCII byte, a number out of form) simply does not match, and the
 * document is checked in full instead, with the same verdict and message as ever.
 */
final class JsonShape {

    // Token kinds: the value kinds are CanonicalJson's, so a value token is what next() returns.
    static final int END_OBJECT = 8;
    static final int END_ARRAY = 9;
    static final int MEMBER = 10;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] frame; // padded with eight zero bytes, so a tail is read as one long
    private final int frameLength;
    private final int[] cuts; // value k sits where frame byte cuts[k] would be
    private final byte[] valueKinds; // STRING or NUMBER
    final byte[] tokens;
    /** For an object or array start: the index of its end token; for a string or number: its value; for a member: its name. */
    final int[] args;
    private final int[] nameStarts; // in the frame
    private final int[] nameEnds;
    private final long[] namePrefixes;
    private final boolean[] namePlain;
    private final CanonicalJson.Names[] seenNames; // per name, the last list it was looked up in, and the answer
    private final int[] seenAnswers;
    /** Whatever the cursor's reader keeps for this layout. */
    Object memo;

    private JsonShape(Builder b) {
        this.frameLength = b.frame.size();
        this.frame = Arrays.copyOf(b.frame.toByteArray(), frameLength + 8);
        this.cuts = Arrays.copyOf(b.cuts, b.values);
        this.valueKinds = Arrays.copyOf(b.valueKinds, b.values);
        this.tokens = Arrays.copyOf(b.tokens, b.tokenCount);
        this.args = Arrays.copyOf(b.args, b.tokenCount);
        this.nameStarts = Arrays.copyOf(b.nameStarts, b.names);
        this.nameEnds = Arrays.copyOf(b.nameEnds, b.names);
        this.namePrefixes = new long[b.names];
        this.namePlain = new boolean[b.names];
        for (int k = 0; k < b.names; k++) {
            namePrefixes[k] = CanonicalJson.prefix(frame, nameStarts[k], nameEnds[k] - nameStarts[k]);
            boolean plain = true;
            for (int j = nameStarts[k]; j < nameEnds[k]; j++) {
                plain &= frame[j] >= 0x20 && frame[j] != '\\'; // a negative byte is non-ASCII
            }
            namePlain[k] = plain;
        }
        this.seenNames = new CanonicalJson.Names[b.names];
        this.seenAnswers = new int[b.names];
    }

    int values() {
        return cuts.length;
    }

    /** The layout of [from, to) of {@code bytes}, which must already have been checked to be canonical. */
    static JsonShape of(byte[] bytes, int from, int to) {
        Builder b = new Builder(bytes, from, to);
        b.value();
        if (b.i != to) {
            throw new IllegalStateException("a shape is learnt from a whole checked document");
        }
        return new JsonShape(b);
    }

    /**
     * Whether [from, to) of {@code b} has this layout with plain strings and canonical integers; if so, value k is at
     * [starts[k], ends[k]) and a number's value is numbers[k]. The arrays hold at least {@link #values()}.
     */
    boolean match(byte[] b, int from, int to, int[] starts, int[] ends, long[] numbers) {
        int at = from;
        int f = 0;
        for (int k = 0; k < cuts.length; k++) {
            int cut = cuts[k];
            if (!sameFrame(b, at, to, f, cut - f)) {
                return false;
            }
            at += cut - f;
            f = cut;
            starts[k] = at;
            at = valueKinds[k] == CanonicalJson.STRING ? plainStringEnd(b, at, to) : number(b, at, to, numbers, k);
            if (at < 0) {
                return false;
            }
            ends[k] = at;
        }
        return to - at == frameLength - f && sameFrame(b, at, to, f, frameLength - f);
    }

    /** Whether the n bytes at {@code at} of {@code b}, within {@code to}, are the frame's from {@code f}. */
    private boolean sameFrame(byte[] b, int at, int to, int f, int n) {
        if (n > to - at) {
            return false;
        }
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            if ((long) LONGS.get(b, at + k) != (long) LONGS.get(frame, f + k)) {
                return false;
            }
        }
        int tail = n - k;
        if (tail == 0) {
            return true;
        }
        if (at + k + 8 <= b.length) { // the frame is padded, so its side always has eight bytes
            long mask = -1L >>> (64 - 8 * tail); // little-endian: the first bytes are the low ones
            return (((long) LONGS.get(b, at + k) ^ (long) LONGS.get(frame, f + k)) & mask) == 0;
        }
        for (; k < n; k++) {
            if (b[at + k] != frame[f + k]) {
                return false;
            }
        }
        return true;
    }

    /** Where the string starting at {@code at} closes, if it holds only printable ASCII other than the backslash; else -1. */
    private static int plainStringEnd(byte[] b, int at, int to) {
        while (at + 8 <= b.length) {
            long special = CanonicalJson.special((long) LONGS.get(b, at));
            if (special != 0) {
                at += Long.numberOfTrailingZeros(special) >>> 3;
                return at < to && b[at] == '"' ? at : -1;
            }
            at += 8;
            if (at >= to) {
                return -1;
            }
        }
        for (; at < to; at++) {
            int c = b[at] & 0xFF;
            if (c == '"') {
                return at;
            }
            if (c < 0x20 || c == '\\' || c >= 0x80) {
                return -1;
            }
        }
        return -1;
    }

    /** Where a canonical integer (no leading zero, no -0, within ±(2^53 − 1)) starting at {@code at} ends; else -1. */
    private static int number(byte[] b, int at, int to, long[] numbers, int k) {
        boolean negative = at < to && b[at] == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long value = 0;
        int digit;
        while (at < to && (digit = b[at] - '0') >= 0 && digit <= 9) {
            value = value * 10 + digit;
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > 16 || b[start] == '0' && (digits > 1 || negative) || value > Jcs.MAX_SAFE_INTEGER) {
            return -1;
        }
        numbers[k] = negative ? -value : value;
        return at;
    }

    /** Which of {@code names} member name number {@code name} is, or -1; remembered per name for the last list asked. */
    int name(int name, CanonicalJson.Names names) {
        if (seenNames[name] == names) {
            return seenAnswers[name];
        }
        int answer = namePlain[name] ? names.find(frame, nameStarts[name], nameEnds[name] - nameStarts[name], namePrefixes[name]) : -1;
        seenNames[name] = names;
        seenAnswers[name] = answer;
        return answer;
    }

    /** Walks a checked document once, writing its frame and tokens. */
    private static final class Builder {
        final byte[] b;
        int i;
        final int end;
        final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int[] cuts = new int[16];
        byte[] valueKinds = new byte[16];
        int values;
        byte[] tokens = new byte[32];
        int[] args = new int[32];
        int tokenCount;
        int[] nameStarts = new int[16];
        int[] nameEnds = new int[16];
        int names;

        Builder(byte[] b, int from, int to) {
            this.b = b;
            this.i = from;
            this.end = to;
        }

        private int token(int kind, int arg) {
            if (tokenCount == tokens.length) {
                tokens = Arrays.copyOf(tokens, tokenCount * 2);
                args = Arrays.copyOf(args, tokenCount * 2);
            }
            tokens[tokenCount] = (byte) kind;
            args[tokenCount] = arg;
            return tokenCount++;
        }

        private void cut(int kind) {
            if (values == cuts.length) {
                cuts = Arrays.copyOf(cuts, values * 2);
                valueKinds = Arrays.copyOf(valueKinds, values * 2);
            }
            cuts[values] = frame.size();
            valueKinds[values] = (byte) kind;
            token(kind, values++);
        }

        /** The closing quote of the string whose bytes start at {@code k}. */
        private int close(int k) {
            while (b[k] != '"') {
                k += b[k] == '\\' ? 2 : 1;
            }
            return k;
        }

        void value() {
            switch (b[i]) {
                case '{' -> container(CanonicalJson.OBJECT, '}', END_OBJECT);
                case '[' -> container(CanonicalJson.ARRAY, ']', END_ARRAY);
                case '"' -> {
                    frame.write('"');
                    cut(CanonicalJson.STRING);
                    i = close(i + 1);
                    frame.write('"');
                    i++;
                }
                case 't', 'n' -> literal(b[i] == 't' ? CanonicalJson.TRUE : CanonicalJson.NULL, 4);
                case 'f' -> literal(CanonicalJson.FALSE, 5);
                default -> {
                    cut(CanonicalJson.NUMBER);
                    while (i < end && (b[i] == '-' || b[i] >= '0' && b[i] <= '9')) {
                        i++;
                    }
                }
            }
        }

        private void literal(int kind, int length) {
            token(kind, 0);
            frame.write(b, i, length);
            i += length;
        }

        private void container(int kind, char close, int endToken) {
            int start = token(kind, 0);
            frame.write(b[i++]);
            boolean object = kind == CanonicalJson.OBJECT;
            while (b[i] != close) {
                if (object) {
                    int nameEnd = close(i + 1);
                    if (names == nameStarts.length) {
                        nameStarts = Arrays.copyOf(nameStarts, names * 2);
                        nameEnds = Arrays.copyOf(nameEnds, names * 2);
                    }
                    nameStarts[names] = frame.size() + 1;
                    nameEnds[names] = frame.size() + nameEnd - i;
                    token(MEMBER, names++);
                    frame.write(b, i, nameEnd + 2 - i); // the quoted name and the colon
                    i = nameEnd + 2;
                }
                value();
                if (b[i] == ',') {
                    frame.write(',');
                    i++;
                }
            }
            frame.write(b[i++]);
            int endAt = token(endToken, 0); // first: token() may replace the args array
            args[start] = endAt;
        }
    }
}
