package microfactory.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import microfactory.ledger.tlog.CanonicalJson;

/**
 * The books' reading of entries as a flat list of operations in longs, each a code followed by its fields, written
 * by {@link EntryOps} and applied by {@link Books} with nothing left to parse. A string travels as a reference into
 * the bundle's bytes (start and length in one long, -1 when absent) followed by its hash.
 */
final class OpList {

    // Operations and their fields.
    static final int ERROR = 1; // message number (MESSAGES)
    static final int OPEN = 2; // code ref, code hash, currency ref, currency hash, flags
    static final int TRANSFER = 3; // id ref, id hash, mode, settled ref, settled hash, postings (-1: fewer than two)
    static final int POSTING = 4; // account ref, account hash, currency ref, currency hash, amount, debit, problem or -1
    static final int END = 5; // the end of a transfers entry: check the accounts it moved
    static final int EXPIRE = 6; // pending ref, pending hash

    // A transfer's mode.
    static final int NORMAL = 0;
    static final int PENDING = 1;
    static final int POST = 2;
    static final int VOID = 3;

    // An opened account's flags.
    static final int DEBITS_LIMIT = 1;
    static final int CREDITS_LIMIT = 2;

    static final String[] MESSAGES = {"an entry needs a \"kind\" and an \"at\" timestamp",
        "a transfers entry holds at least one transfer", "an event entry carries a \"data\" object",
        "has an amount that is not a positive whole number", "has a posting that is neither debit nor credit"};

    private static final String[] NAMES = {"?", "ERROR", "OPEN", "TRANSFER", "POSTING", "END", "EXPIRE"};
    private static final String[] MODES = {"normal", "pending", "post", "void"};

    private long[] ops = new long[8192];
    private int size;

    /** How many longs an operation with this code takes, its code included. */
    static int width(int op) {
        return switch (op) {
            case ERROR -> 2;
            case OPEN -> 6;
            case TRANSFER -> 7;
            case POSTING -> 8;
            case EXPIRE -> 3;
            default -> 1;
        };
    }

    static int start(long ref) {
        return ref < 0 ? -1 : (int) (ref >>> 32);
    }

    static int length(long ref) {
        return (int) ref;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** How many longs fit before the list grows. */
    int capacity() {
        return ops.length;
    }

    long get(int at) {
        return ops[at];
    }

    void set(int at, long value) {
        ops[at] = value;
    }

    void add(long value) {
        if (size == ops.length) {
            ops = Arrays.copyOf(ops, size * 2);
        }
        ops[size++] = value;
    }

    /** The longs themselves, for a {@link ReadingPlan} to copy a template from; valid until the list grows. */
    long[] raw() {
        return ops;
    }

    /** Appends a plan's recorded operations; returns the longs, for the plan to put the entry's values in. */
    long[] append(long[] template) {
        if (size + template.length > ops.length) {
            ops = Arrays.copyOf(ops, Math.max(ops.length * 2, size + template.length));
        }
        System.arraycopy(template, 0, ops, size, template.length);
        size += template.length;
        return ops;
    }

    /** Forgets the operations from {@code at} on (an entry that turned out not to be canonical). */
    void truncate(int at) {
        size = at;
    }

    /** The id of transfer number {@code ordinal} among these operations (one entry's), decoded from its bytes. */
    String transferId(int ordinal, byte[] bytes) {
        int k = 0;
        for (int at = 0; at < size; at += width((int) ops[at])) {
            if (ops[at] == TRANSFER && k++ == ordinal) {
                int start = start(ops[at + 1]);
                return start < 0 ? "" : CanonicalJson.decode(bytes, start, start + length(ops[at + 1]));
            }
        }
        throw new IllegalArgumentException("no transfer " + ordinal + " in this entry");
    }

    /** One operation a line, strings as references (@start+length), for a person reading a failing test. */
    @Override
    public String toString() {
        return describe(null);
    }

    /** One operation a line, with the strings they refer to in {@code bytes} spelled out. */
    String describe(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < size; at += width((int) ops[at])) {
            int op = (int) ops[at];
            out.append(op > 0 && op < NAMES.length ? NAMES[op] : "op " + op);
            switch (op) {
                case ERROR -> out.append(" \"").append(MESSAGES[(int) ops[at + 1]]).append('"');
                case OPEN -> out.append(" code=").append(string(at + 1, bytes)).append(" currency=").append(string(at + 3, bytes))
                        .append(" flags=").append(ops[at + 5]);
                case TRANSFER -> {
                    out.append(" id=").append(string(at + 1, bytes)).append(' ').append(MODES[(int) ops[at + 3]]);
                    if (ops[at + 3] == POST || ops[at + 3] == VOID) {
                        out.append(" settles=").append(string(at + 4, bytes));
                    }
                    out.append(" postings=").append(ops[at + 6]);
                }
                case POSTING -> {
                    out.append(ops[at + 6] == 1 ? " debit " : " credit ").append(string(at + 1, bytes)).append(' ')
                            .append(ops[at + 5]).append(' ').append(string(at + 3, bytes));
                    if (ops[at + 7] >= 0) {
                        out.append(" \"").append(MESSAGES[(int) ops[at + 7]]).append('"');
                    }
                }
                case EXPIRE -> out.append(" pending=").append(string(at + 1, bytes));
                default -> {
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String string(int at, byte[] bytes) {
        long ref = ops[at];
        int start = start(ref);
        if (start < 0) {
            return "(none)";
        }
        return bytes == null ? "@" + start + "+" + length(ref)
                : '"' + new String(bytes, start, length(ref), StandardCharsets.UTF_8) + '"';
    }
}
