package microfactory.ledger.tlog;

import java.util.Arrays;

/**
 * The replaying half of a learning {@link CanonicalJson}: the layouts of documents checked in full ({@link Layouts}),
 * and, for a document in one of them, its reading by the layout's tokens with the document's own values. The cursor
 * asks here first and keeps the strict byte-by-byte checking for documents of an unknown layout. A token that is not
 * what the reader asks for is answered with a sentinel (false, -1); the cursor turns it into its error.
 */
final class LayoutReplay {

    private final Layouts layouts;
    private JsonShape shape; // the current document's layout; null when it is unknown
    private int t; // the next token
    private int value = -1; // the last string or number read, by its number among the layout's values
    private int depth;
    private int[] members = new int[16]; // each open object's current member name, by its number in the layout
    private int[] valueStarts = new int[64];
    private int[] valueEnds = new int[64];
    private long[] numbers = new long[64];

    LayoutReplay(boolean persistent) {
        this.layouts = new Layouts(persistent);
    }

    /** Looks up the document's layout; true when it is known, and the document is then read here. */
    boolean start(byte[] b, int from, int to, CanonicalJson strings) {
        value = -1;
        depth = 0;
        t = 0;
        shape = layouts.find(b, from, to, valueStarts, valueEnds, numbers, strings);
        return shape != null;
    }

    /** After a document checked in full: its layout, kept for the next. */
    void learn(byte[] b, int from, int to) {
        JsonShape learned = layouts.learn(b, from, to);
        if (learned != null && learned.values() > valueStarts.length) {
            valueStarts = new int[learned.values()];
            valueEnds = new int[learned.values()];
            numbers = new long[learned.values()];
        }
    }

    boolean atEnd() {
        return t == shape.tokens.length;
    }

    int next() {
        return shape.tokens[t];
    }

    void skip() {
        int token = shape.tokens[t];
        t = token == CanonicalJson.OBJECT || token == CanonicalJson.ARRAY ? shape.args[t] + 1 : t + 1;
    }

    /** Enters the object or array at the next token; false when the next token is not one. */
    boolean enter(int kind) {
        if (shape.tokens[t] != kind) {
            return false;
        }
        t++;
        if (++depth == members.length) {
            members = Arrays.copyOf(members, depth * 2);
        }
        return true;
    }

    boolean nextMember() {
        if (closes(JsonShape.END_OBJECT)) {
            return false;
        }
        members[depth] = shape.args[t++];
        return true;
    }

    boolean nextItem() {
        return !closes(JsonShape.END_ARRAY);
    }

    /** Whether the next token closes the open object or array (then moves past it). */
    private boolean closes(int endToken) {
        if (shape.tokens[t] != endToken) {
            return false;
        }
        t++;
        depth--;
        return true;
    }

    int name(CanonicalJson.Names names) {
        return shape.name(members[depth], names);
    }

    /** The value at the next token, which must be a {@code kind}: its number among the layout's values, else -1. */
    int value(int kind) {
        if (shape.tokens[t] != kind) {
            return -1;
        }
        value = shape.args[t++];
        return value;
    }

    /** The literal at the next token (TRUE, FALSE or NULL), else -1. */
    int literal() {
        int type = shape.tokens[t];
        if (type != CanonicalJson.TRUE && type != CanonicalJson.FALSE && type != CanonicalJson.NULL) {
            return -1;
        }
        t++;
        return type;
    }

    int value() {
        return value;
    }

    int valueStart(int k) {
        return valueStarts[k];
    }

    int valueEnd(int k) {
        return valueEnds[k];
    }

    long valueNumber(int k) {
        return numbers[k];
    }

    boolean fixed(int k) {
        return shape.fixed(k);
    }

    Object memo() {
        return shape.memo;
    }

    void memo(Object memo) {
        shape.memo = memo;
    }
}
