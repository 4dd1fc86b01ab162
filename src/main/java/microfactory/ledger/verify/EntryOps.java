package microfactory.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import microfactory.ledger.tlog.CanonicalJson;
import microfactory.ledger.tlog.Jcs;

/**
 * What the books need from entries, read with the {@link CanonicalJson} cursor as entries are checked (in parallel):
 * a flat list of operations in longs, which {@link Books} then applies in order with nothing left to parse.
 * Strings stay in the bundle's bytes and travel as references (start, length, hash). A problem found here
 * is recorded where the books would meet it, so the first problem reported is the same either way.
 */
final class EntryOps {

    // Operations, each a code followed by its fields.
    static final int ERROR = 1; // message
    static final int OPEN = 2; // code ref, currency ref, flags
    static final int TRANSFER = 3; // id ref, mode, settled ref, postings (-1: fewer than two)
    static final int POSTING = 4; // account ref, currency ref, amount, debit, problem message or -1
    static final int END = 5; // the end of a transfers entry: check the accounts it moved
    static final int EXPIRE = 6; // pending ref

    static final int NORMAL = 0;
    static final int PENDING = 1;
    static final int POST = 2;
    static final int VOID = 3;

    static final int DEBITS_LIMIT = 1;
    static final int CREDITS_LIMIT = 2;

    static final String[] MESSAGES = {"an entry needs a \"kind\" and an \"at\" timestamp",
        "a transfers entry holds at least one transfer", "an event entry carries a \"data\" object",
        "has an amount that is not a positive whole number", "has a posting that is neither debit nor credit"};
    private static final int NO_KIND = 0;
    private static final int NO_TRANSFERS = 1;
    private static final int NO_DATA = 2;
    private static final int BAD_AMOUNT = 3;
    private static final int BAD_SIDE = 4;

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // The member names read, by object.
    private static final CanonicalJson.Names ENTRY = new CanonicalJson.Names("account", "at", "data", "kind", "pending", "transfers");
    private static final CanonicalJson.Names TRANSFER_NAMES = new CanonicalJson.Names("id", "pending", "post", "postings", "void");
    private static final CanonicalJson.Names POSTING_NAMES = new CanonicalJson.Names("account", "amount", "currency", "side");
    private static final CanonicalJson.Names OPENED = new CanonicalJson.Names("code", "currency", "flags");
    private static final byte[] KIND_TRANSFERS = key("transfers");
    private static final byte[] KIND_OPENED = key("account.opened");
    private static final byte[] KIND_EXPIRED = key("transfer.expired");
    private static final byte[] DEBIT = key("debit");
    private static final byte[] CREDIT = key("credit");
    private static final byte[] DEBITS_FLAG = key("debits_must_not_exceed_credits");
    private static final byte[] CREDITS_FLAG = key("credits_must_not_exceed_debits");

    private long[] ops = new long[8192];
    private int size;
    // While the first reading of a layout is recorded (see ReadingPlan): which value each operation field came from.
    private boolean recording;
    private int[] from = new int[0];
    private final ReadingPlan.Guards guards = new ReadingPlan.Guards();

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    long get(int at) {
        return ops[at];
    }

    private void add(long value) {
        if (size == ops.length) {
            ops = Arrays.copyOf(ops, size * 2);
        }
        if (recording) {
            if (from.length < ops.length) {
                from = Arrays.copyOf(from, ops.length);
            }
            from[size] = 0;
        }
        ops[size++] = value;
    }

    /** Sets field {@code at}; while recording, also that it came from no value. */
    private void put(int at, long value) {
        ops[at] = value;
        if (recording) {
            from[at] = 0;
        }
    }

    /** Sets field {@code at} to the string just read's reference, or with {@code hash} its hash. */
    private void putString(int at, CanonicalJson json, boolean hash) {
        ops[at] = hash ? ByteKeys.hash(json.bytes(), json.stringStart(), json.stringEnd()) : ref(json);
        if (recording) {
            from[at] = ReadingPlan.from(hash ? ReadingPlan.HASH : ReadingPlan.REF, json.value());
        }
    }

    /** Whether the string just read is {@code word}: an answer that depends on its bytes, so a plan records them. */
    private boolean is(CanonicalJson json, byte[] word) {
        if (recording) {
            guards.sameBytes(json);
        }
        return json.stringIs(word);
    }

    /** Appends a plan's recorded operations; returns the list, for the plan to put the entry's values in. */
    long[] append(long[] template) {
        if (size + template.length > ops.length) {
            ops = Arrays.copyOf(ops, Math.max(ops.length * 2, size + template.length));
        }
        System.arraycopy(template, 0, ops, size, template.length);
        size += template.length;
        return ops;
    }

    /**
     * Reads one entry with the cursor (set on it), checking all of it, and appends its operations. Throws when the
     * entry is not canonical; the caller then {@link #truncate}s what this entry appended. An entry in a layout the
     * cursor has met before is read by a plan recorded the first time (see {@link ReadingPlan}).
     */
    void read(CanonicalJson json) {
        if (!json.replaying()) {
            walk(json);
            return;
        }
        ReadingPlan.Plans plans = json.memo() instanceof ReadingPlan.Plans p ? p : null;
        if (plans != null && plans.apply(json, this)) {
            return;
        }
        if (plans == null) {
            plans = new ReadingPlan.Plans();
            json.memo(plans);
        }
        if (plans.full()) {
            walk(json);
            return;
        }
        int begin = size;
        recording = true;
        guards.clear();
        if (from.length < ops.length) {
            from = new int[ops.length];
        }
        try {
            walk(json);
            plans.add(ReadingPlan.of(ops, from, begin, size, guards, json));
        } finally {
            recording = false;
        }
    }

    /** The id of transfer number {@code ordinal} among these operations (one entry's), decoded from its bytes. */
    String transferId(int ordinal, byte[] bytes) {
        int k = 0;
        for (int at = 0; at < size; ) {
            int op = (int) ops[at];
            if (op == TRANSFER && k++ == ordinal) {
                int start = start(ops[at + 1]);
                return start < 0 ? "" : CanonicalJson.decode(bytes, start, start + length(ops[at + 1]));
            }
            at += switch (op) {
                case ERROR -> 2;
                case OPEN -> 6;
                case TRANSFER -> 7;
                case POSTING -> 8;
                case EXPIRE -> 3;
                default -> 1;
            };
        }
        throw new IllegalArgumentException("no transfer " + ordinal + " in this entry");
    }

    /** Forgets the operations from {@code at} on (an entry that turned out not to be canonical). */
    void truncate(int at) {
        size = at;
    }

    /** The reference of the string the cursor just read: its start and length in the bytes, in one long. */
    private static long ref(CanonicalJson json) {
        return (long) json.stringStart() << 32 | (json.stringEnd() - json.stringStart());
    }

    private static final long NONE = -1;

    static int start(long ref) {
        return ref < 0 ? -1 : (int) (ref >>> 32);
    }

    static int length(long ref) {
        return (int) ref;
    }

    /** Reads one entry by walking it with the cursor. */
    private void walk(CanonicalJson json) {
        int begin = size;
        if (json.next() != CanonicalJson.OBJECT) {
            json.skip();
            json.finish();
            error(NO_KIND);
            return;
        }
        boolean at = false;
        boolean data = false;
        byte[] kind = null; // the kind's bytes if it is one the books know, else an empty array; null if none
        // Strings kept for the end, by their reference (NONE when absent) and their number among the values.
        long codeRef = NONE;
        int code = -1;
        long currencyRef = NONE;
        int currency = -1;
        int flags = 0;
        long pendingRef = NONE;
        int pending = -1;
        json.beginObject();
        while (json.nextMember()) {
            int type = json.next();
            switch (json.name(ENTRY)) {
                case 0 -> { // account: read now, used if the kind (which sorts after it) says so
                    if (type != CanonicalJson.OBJECT) {
                        json.skip();
                        continue;
                    }
                    json.beginObject();
                    while (json.nextMember()) {
                        int field = json.name(OPENED);
                        int fieldType = json.next();
                        if (field == 0 && fieldType == CanonicalJson.STRING) {
                            json.string();
                            code = json.value();
                            codeRef = ref(json);
                        } else if (field == 1 && fieldType == CanonicalJson.STRING) {
                            json.string();
                            currency = json.value();
                            currencyRef = ref(json);
                        } else if (field == 2 && fieldType == CanonicalJson.ARRAY) {
                            json.beginArray();
                            while (json.nextItem()) {
                                if (json.next() != CanonicalJson.STRING) {
                                    json.skip();
                                    continue;
                                }
                                json.string();
                                flags |= (is(json, DEBITS_FLAG) ? DEBITS_LIMIT : 0) | (is(json, CREDITS_FLAG) ? CREDITS_LIMIT : 0);
                            }
                        } else {
                            json.skip();
                        }
                    }
                }
                case 1 -> {
                    at = type == CanonicalJson.STRING;
                    json.skip();
                }
                case 2 -> {
                    data = type == CanonicalJson.OBJECT;
                    json.skip();
                }
                case 3 -> {
                    if (type == CanonicalJson.STRING) {
                        json.string();
                        kind = is(json, KIND_TRANSFERS) ? KIND_TRANSFERS : is(json, KIND_OPENED) ? KIND_OPENED
                                : is(json, KIND_EXPIRED) ? KIND_EXPIRED : new byte[0];
                    } else {
                        json.skip();
                    }
                }
                case 4 -> {
                    if (type == CanonicalJson.STRING) {
                        json.string();
                        pending = json.value();
                        pendingRef = ref(json);
                    } else {
                        json.skip();
                    }
                }
                case 5 -> {
                    if (kind == KIND_TRANSFERS && at && type == CanonicalJson.ARRAY) {
                        transfers(json);
                    } else {
                        json.skip();
                    }
                }
                default -> json.skip();
            }
        }
        json.finish();
        if (kind == null || !at) {
            truncate(begin);
            error(NO_KIND);
        } else if (kind == KIND_TRANSFERS) {
            if (size == begin) { // no transfers member, not an array, or an empty one
                error(NO_TRANSFERS);
            }
        } else if (kind == KIND_OPENED) {
            add(OPEN);
            addKept(json, codeRef, code);
            addKept(json, currencyRef, currency);
            add(flags);
        } else if (kind == KIND_EXPIRED) {
            add(EXPIRE);
            addKept(json, pendingRef, pending);
        } else if (!data) {
            error(NO_DATA);
        }
    }

    /** A string read earlier (by its reference, NONE if there was none, and its value number): reference and hash. */
    private void addKept(CanonicalJson json, long ref, int value) {
        add(ref);
        add(ref == NONE ? 0 : ByteKeys.hash(json.bytes(), start(ref), start(ref) + length(ref)));
        if (recording && ref != NONE) {
            from[size - 2] = ReadingPlan.from(ReadingPlan.REF, value);
            from[size - 1] = ReadingPlan.from(ReadingPlan.HASH, value);
        }
    }

    private void error(int message) {
        add(ERROR);
        add(message);
    }

    /** A transfers array: each transfer's header, then its postings; an empty array appends nothing. */
    private void transfers(CanonicalJson json) {
        int begin = size;
        json.beginArray();
        while (json.nextItem()) {
            int header = size;
            add(TRANSFER);
            add(NONE); // id
            add(0);
            add(NORMAL); // mode
            add(NONE); // settled
            add(0);
            add(-1); // postings
            if (json.next() != CanonicalJson.OBJECT) {
                json.skip();
                continue;
            }
            boolean post = false;
            boolean voids = false;
            int postings = -1;
            json.beginObject();
            while (json.nextMember()) {
                int type = json.next();
                switch (json.name(TRANSFER_NAMES)) {
                    case 0 -> {
                        if (type == CanonicalJson.STRING) {
                            json.string();
                            putString(header + 1, json, false);
                            putString(header + 2, json, true);
                        } else {
                            json.skip();
                        }
                    }
                    case 1 -> {
                        if (type == CanonicalJson.TRUE) {
                            put(header + 3, PENDING);
                        }
                        json.skip();
                    }
                    case 2, 4 -> { // post, or void: "post" wins when both are there
                        boolean isPost = json.name(TRANSFER_NAMES) == 2;
                        if (!post) {
                            put(header + 4, NONE);
                            put(header + 5, 0);
                            if (type == CanonicalJson.STRING) {
                                json.string();
                                putString(header + 4, json, false);
                                putString(header + 5, json, true);
                            } else {
                                json.skip();
                            }
                        } else {
                            json.skip();
                        }
                        post |= isPost;
                        voids |= !isPost;
                    }
                    case 3 -> {
                        if (type == CanonicalJson.ARRAY) {
                            postings = postings(json);
                        } else {
                            json.skip();
                        }
                    }
                    default -> json.skip();
                }
            }
            if (post || voids) {
                truncate(header + 7);
                put(header + 3, post ? POST : VOID);
                put(header + 6, 0);
            } else if (postings < 2) {
                truncate(header + 7);
            } else {
                put(header + 6, postings);
            }
        }
        if (size > begin) {
            add(END);
        }
    }

    /** A postings array: one operation per posting; returns how many. */
    private int postings(CanonicalJson json) {
        int count = 0;
        json.beginArray();
        while (json.nextItem()) {
            count++;
            int begin = size;
            add(POSTING);
            add(NONE); // account
            add(0);
            add(NONE); // currency
            add(0);
            long amount = 0;
            int amountValue = -1;
            boolean debit = false;
            boolean credit = false;
            if (json.next() != CanonicalJson.OBJECT) {
                json.skip();
            } else {
                json.beginObject();
                while (json.nextMember()) {
                    int type = json.next();
                    int field = json.name(POSTING_NAMES);
                    if (field == 0 && type == CanonicalJson.STRING) {
                        json.string();
                        putString(begin + 1, json, false);
                        putString(begin + 2, json, true);
                    } else if (field == 1 && type == CanonicalJson.NUMBER) {
                        amount = json.number();
                        amountValue = json.value();
                    } else if (field == 2 && type == CanonicalJson.STRING) {
                        json.string();
                        putString(begin + 3, json, false);
                        putString(begin + 4, json, true);
                    } else if (field == 3 && type == CanonicalJson.STRING) {
                        json.string();
                        debit = is(json, DEBIT);
                        credit = is(json, CREDIT);
                    } else {
                        json.skip();
                    }
                }
            }
            add(amount);
            if (recording && amountValue >= 0) {
                from[size - 1] = ReadingPlan.from(ReadingPlan.NUMBER, amountValue);
                guards.positive(json, amountValue); // the problem below depends on it
            }
            add(debit ? 1 : 0);
            add(amount <= 0 || amount > Jcs.MAX_SAFE_INTEGER ? BAD_AMOUNT : !debit && !credit ? BAD_SIDE : -1);
        }
        return count;
    }
}
