package microfactory.ledger.tlog;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The layout of a canonical JSON document with its strings and numbers cut out: the frame (braces, brackets, names,
 * colons, commas, literals, the values' quotes) and the tokens a reader walks. A log holds a million entries in a
 * handful of layouts. A document whose bytes are a known layout's frame around canonical strings and canonical
 * integers is itself canonical, because the layout was learnt from a document checked in full: the names, their
 * order and the nesting are the same bytes. So such a document is checked by comparing its frame eight bytes at a
 * time and scanning its values (plain ASCII eight bytes at a time, anything else in full), and read by replaying the
 * tokens. Anything else (another layout, a value out of form) does not match, and the document is checked in full
 * instead, with the same verdict and message as ever.
 */
final class JsonShape {

    // Token kinds: the value kinds are CanonicalJson's, so a value token is what next() returns.
    static final int END_OBJECT = 8;
    static final int END_ARRAY = 9;
    static final int MEMBER = 10;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] frame; // padded with eight zero bytes, so a tail is read as one long
    private final int frameLength;
    private final int valueCount;
    private final int[] open; // the values scanned as values, by number, in document order
    private final int[] cuts; // open value j sits where frame byte cuts[j] would be
    private final byte[] openKinds; // STRING or NUMBER
    // A refinement's values that are part of its frame: number, place in the frame, length, and the segment (the
    // frame between two open values) holding them.
    private final int[] frozen;
    private final int[] frozenAt;
    private final int[] frozenLength;
    private final int[] frozenSegment;
    private final boolean[] fixed; // per value: whether it is part of the frame, so the same in every document
    private final int[] shifts; // while matching: per segment, its place in the document minus its place in the frame
    final byte[] tokens;
    /** For an object or array start: the index of its end token; for a string or number: its value; for a member: its name. */
    final int[] args;
    private final byte[] names; // the member names are in these bytes (the first frame)
    private final int[] nameStarts;
    private final int[] nameEnds;
    private final long[] namePrefixes;
    private final boolean[] namePlain;
    private final CanonicalJson.Names[] seenNames; // per name, the last list it was looked up in, and the answer
    private final int[] seenAnswers;
    /** Whatever the cursor's reader keeps for this layout. */
    Object memo;

    // A learnt layout keeps its document, to find the strings the next documents of the layout all repeat: most
    // entries of a layout say the same kind, code, accounts and currency. A refinement with those strings in its
    // frame is tried first, and dropped if it stops fitting.
    private final byte[] template;
    private final int[] templateStarts;
    private final int[] templateEnds;
    private boolean refineTried;
    private boolean[] alike; // the strings the documents of this layout so far all repeat from the template
    private int compared;
    private JsonShape refined;
    private int refinedHits;
    private int refinedMisses;

    private JsonShape(Builder b, byte[] bytes, int from, int to) {
        this.frameLength = b.frame.size();
        this.frame = Arrays.copyOf(b.frame.toByteArray(), frameLength + 8);
        this.valueCount = b.values;
        this.open = new int[b.values];
        Arrays.setAll(open, k -> k);
        this.cuts = Arrays.copyOf(b.cuts, b.values);
        this.openKinds = Arrays.copyOf(b.valueKinds, b.values);
        this.frozen = new int[0];
        this.frozenAt = frozen;
        this.frozenLength = frozen;
        this.frozenSegment = frozen;
        this.fixed = new boolean[b.values];
        this.shifts = new int[b.values + 1];
        this.tokens = Arrays.copyOf(b.tokens, b.tokenCount);
        this.args = Arrays.copyOf(b.args, b.tokenCount);
        this.names = frame;
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
        this.template = Arrays.copyOfRange(bytes, from, to);
        this.templateStarts = new int[b.values];
        this.templateEnds = new int[b.values];
        for (int k = 0; k < b.values; k++) {
            templateStarts[k] = b.valueStarts[k] - from;
            templateEnds[k] = b.valueEnds[k] - from;
        }
    }

    /** A refinement of {@code general}: its values marked in {@code freeze} written into the frame as the template has them. */
    private JsonShape(JsonShape general, boolean[] freeze) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] openValues = new int[general.open.length];
        int[] openCuts = new int[general.open.length];
        byte[] kinds = new byte[general.open.length];
        int opens = 0;
        int[] frozenValues = new int[general.open.length];
        int[] at = new int[general.open.length];
        int[] lengths = new int[general.open.length];
        int[] segments = new int[general.open.length];
        int frozens = 0;
        int f = 0;
        for (int j = 0; j < general.open.length; j++) {
            int v = general.open[j];
            out.write(general.frame, f, general.cuts[j] - f);
            f = general.cuts[j];
            if (freeze[v]) {
                frozenValues[frozens] = v;
                at[frozens] = out.size();
                lengths[frozens] = general.templateEnds[v] - general.templateStarts[v];
                segments[frozens++] = opens;
                out.write(general.template, general.templateStarts[v], general.templateEnds[v] - general.templateStarts[v]);
            } else {
                openValues[opens] = v;
                openCuts[opens] = out.size();
                kinds[opens++] = general.openKinds[j];
            }
        }
        out.write(general.frame, f, general.frameLength - f);
        this.frameLength = out.size();
        this.frame = Arrays.copyOf(out.toByteArray(), frameLength + 8);
        this.valueCount = general.valueCount;
        this.open = Arrays.copyOf(openValues, opens);
        this.cuts = Arrays.copyOf(openCuts, opens);
        this.openKinds = Arrays.copyOf(kinds, opens);
        this.frozen = Arrays.copyOf(frozenValues, frozens);
        this.frozenAt = Arrays.copyOf(at, frozens);
        this.frozenLength = Arrays.copyOf(lengths, frozens);
        this.frozenSegment = Arrays.copyOf(segments, frozens);
        this.fixed = freeze.clone();
        this.shifts = new int[opens + 1];
        this.tokens = general.tokens;
        this.args = general.args;
        this.names = general.names;
        this.nameStarts = general.nameStarts;
        this.nameEnds = general.nameEnds;
        this.namePrefixes = general.namePrefixes;
        this.namePlain = general.namePlain;
        this.seenNames = new CanonicalJson.Names[nameStarts.length];
        this.seenAnswers = new int[nameStarts.length];
        this.template = null;
        this.templateStarts = null;
        this.templateEnds = null;
        this.refineTried = true;
    }

    int values() {
        return valueCount;
    }

    /** Whether value k is part of this layout's frame: the same bytes in every document that has the layout. */
    boolean fixed(int k) {
        return fixed[k];
    }

    /** The layout of [from, to) of {@code bytes}, which must already have been checked to be canonical. */
    static JsonShape of(byte[] bytes, int from, int to) {
        Builder b = new Builder(bytes, from, to);
        b.value();
        if (b.i != to) {
            throw new IllegalStateException("a shape is learnt from a whole checked document");
        }
        return new JsonShape(b, bytes, from, to);
    }

    /**
     * The layout [from, to) of {@code b} has, this one or its refinement, if the document has it with plain strings and
     * canonical integers; else null. Then value k is at [starts[k], ends[k]) and a number's value is numbers[k]. The
     * arrays hold at least {@link #values()}.
     */
    JsonShape match(byte[] b, int from, int to, int[] starts, int[] ends, long[] numbers, CanonicalJson strings) {
        if (refined != null) {
            if (refined.matches(b, from, to, starts, ends, numbers, strings)) {
                refinedHits++;
                return refined;
            }
            if (++refinedMisses > 64 && refinedMisses > refinedHits) {
                refined = null; // the strings it took as the layout's vary after all
            }
        }
        if (!matches(b, from, to, starts, ends, numbers, strings)) {
            return null;
        }
        if (!refineTried) {
            compare(b, starts, ends);
        }
        return this;
    }

    /** How many documents after the template decide which strings a refinement holds: enough that a chance repeat is rare. */
    static final int COMPARED = 4;

    /** Notes which strings this document repeats from the template; after {@link #COMPARED}, refines by those all repeat. */
    private void compare(byte[] b, int[] starts, int[] ends) {
        if (alike == null) {
            alike = new boolean[valueCount];
            for (int j = 0; j < open.length; j++) {
                alike[open[j]] = openKinds[j] == CanonicalJson.STRING;
            }
        }
        for (int v = 0; v < valueCount; v++) {
            alike[v] &= Arrays.equals(template, templateStarts[v], templateEnds[v], b, starts[v], ends[v]);
        }
        if (++compared < COMPARED) {
            return;
        }
        refineTried = true;
        boolean any = false;
        for (boolean a : alike) {
            any |= a;
        }
        refined = any ? new JsonShape(this, alike) : null;
        alike = null;
    }

    private boolean matches(byte[] b, int from, int to, int[] starts, int[] ends, long[] numbers, CanonicalJson strings) {
        // The frame's end sits at the document's end: its last bytes turn most other layouts away at once.
        int tail = Math.min(8, Math.min(frameLength - (open.length == 0 ? 0 : cuts[open.length - 1]), to - from));
        if (!sameFrame(b, to - tail, to, frameLength - tail, tail)) {
            return false;
        }
        int at = from;
        int f = 0;
        for (int j = 0; j < open.length; j++) {
            int cut = cuts[j];
            if (!sameFrame(b, at, to, f, cut - f)) {
                return false;
            }
            shifts[j] = at - f;
            at += cut - f;
            f = cut;
            int v = open[j];
            starts[v] = at;
            at = openKinds[j] == CanonicalJson.STRING ? stringEnd(b, at, to, strings) : number(b, at, to, numbers, v);
            if (at < 0) {
                return false;
            }
            ends[v] = at;
        }
        if (to - at != frameLength - f || !sameFrame(b, at, to, f, frameLength - f)) {
            return false;
        }
        shifts[open.length] = at - f;
        for (int k = 0; k < frozen.length; k++) {
            int start = frozenAt[k] + shifts[frozenSegment[k]];
            starts[frozen[k]] = start;
            ends[frozen[k]] = start + frozenLength[k];
        }
        return true;
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

    /**
     * Where the string whose bytes start at {@code at} closes, or -1 if it is not canonical: plain printable ASCII
     * eight bytes at a time, and a string with escapes or other characters checked in full by {@code strings}.
     */
    private static int stringEnd(byte[] b, int start, int to, CanonicalJson strings) {
        int at = start;
        while (at + 8 <= b.length) {
            long special = CanonicalJson.special((long) LONGS.get(b, at));
            if (special != 0) {
                at += Long.numberOfTrailingZeros(special) >>> 3;
                return at < to && b[at] == '"' ? at : strings.checkedStringEnd(b, start, to);
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
                return strings.checkedStringEnd(b, start, to);
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
        int answer = namePlain[name] ? names.find(this.names, nameStarts[name], nameEnds[name] - nameStarts[name], namePrefixes[name]) : -1;
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
        int[] valueStarts = new int[16];
        int[] valueEnds = new int[16];
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
                valueStarts = Arrays.copyOf(valueStarts, values * 2);
                valueEnds = Arrays.copyOf(valueEnds, values * 2);
            }
            cuts[values] = frame.size();
            valueKinds[values] = (byte) kind;
            valueStarts[values] = i;
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
                    i++;
                    cut(CanonicalJson.STRING);
                    i = close(i);
                    valueEnds[values - 1] = i;
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
                    valueEnds[values - 1] = i;
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
