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

    private final OpList ops;
    // While the first reading of a layout is recorded (see ReadingPlan): which value each operation field came from.
    private boolean recording;
    private int[] from = new int[0];
    private final ReadingPlan.Guards guards = new ReadingPlan.Guards();

    EntryOps(OpList ops) {
        this.ops = ops;
    }

    /** Appends a value; while recording, also that it came from no value. */
    private void add(long value) {
        if (recording) {
            if (from.length < ops.capacity()) {
                from = Arrays.copyOf(from, ops.capacity());
            }
            from[ops.size()] = 0;
        }
        ops.add(value);
    }

    /** Sets field {@code at}; while recording, also that it came from no value. */
    private void put(int at, long value) {
        ops.set(at, value);
        if (recording) {
            from[at] = 0;
        }
    }

    /** Sets field {@code at} to the string just read's reference, or with {@code hash} its hash. */
    private void putString(int at, CanonicalJson json, boolean hash) {
        ops.set(at, hash ? ByteKeys.hash(json.bytes(), json.stringStart(), json.stringEnd()) : ref(json));
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
        if (plans != null && plans.apply(json, ops)) {
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
        int begin = ops.size();
        recording = true;
        guards.clear();
        if (from.length < ops.capacity()) {
            from = new int[ops.capacity()];
        }
        try {
            walk(json);
            plans.add(ReadingPlan.of(ops.raw(), from, begin, ops.size(), guards, json));
        } finally {
            recording = false;
        }
    }

    /** The reference of the string the cursor just read: its start and length in the bytes, in one long. */
    private static long ref(CanonicalJson json) {
        return (long) json.stringStart() << 32 | (json.stringEnd() - json.stringStart());
    }

    private static final long NONE = -1;


    /** Reads one entry by walking it with the cursor. */
    private void walk(CanonicalJson json) {
        int begin = ops.size();
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
                                flags |= (is(json, DEBITS_FLAG) ? OpList.DEBITS_LIMIT : 0) | (is(json, CREDITS_FLAG) ? OpList.CREDITS_LIMIT : 0);
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
            ops.truncate(begin);
            error(NO_KIND);
        } else if (kind == KIND_TRANSFERS) {
            if (ops.size() == begin) { // no transfers member, not an array, or an empty one
                error(NO_TRANSFERS);
            }
        } else if (kind == KIND_OPENED) {
            add(OpList.OPEN);
            addKept(json, codeRef, code);
            addKept(json, currencyRef, currency);
            add(flags);
        } else if (kind == KIND_EXPIRED) {
            add(OpList.EXPIRE);
            addKept(json, pendingRef, pending);
        } else if (!data) {
            error(NO_DATA);
        }
    }

    /** A string read earlier (by its reference, NONE if there was none, and its value number): reference and hash. */
    private void addKept(CanonicalJson json, long ref, int value) {
        add(ref);
        add(ref == NONE ? 0 : ByteKeys.hash(json.bytes(), OpList.start(ref), OpList.start(ref) + OpList.length(ref)));
        if (recording && ref != NONE) {
            from[ops.size() - 2] = ReadingPlan.from(ReadingPlan.REF, value);
            from[ops.size() - 1] = ReadingPlan.from(ReadingPlan.HASH, value);
        }
    }

    private void error(int message) {
        add(OpList.ERROR);
        add(message);
    }

    /** A transfers array: each transfer's header, then its postings; an empty array appends nothing. */
    private void transfers(CanonicalJson json) {
        int begin = ops.size();
        json.beginArray();
        while (json.nextItem()) {
            int header = ops.size();
            add(OpList.TRANSFER);
            add(NONE); // id
            add(0);
            add(OpList.NORMAL); // mode
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
                            put(header + 3, OpList.PENDING);
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
                ops.truncate(header + 7);
                put(header + 3, post ? OpList.POST : OpList.VOID);
                put(header + 6, 0);
            } else if (postings < 2) {
                ops.truncate(header + 7);
            } else {
                put(header + 6, postings);
            }
        }
        if (ops.size() > begin) {
            add(OpList.END);
        }
    }

    /** A postings array: one operation per posting; returns how many. */
    private int postings(CanonicalJson json) {
        int count = 0;
        json.beginArray();
        while (json.nextItem()) {
            count++;
            int begin = ops.size();
            add(OpList.POSTING);
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
                from[ops.size() - 1] = ReadingPlan.from(ReadingPlan.NUMBER, amountValue);
                guards.positive(json, amountValue); // the problem below depends on it
            }
            add(debit ? 1 : 0);
            add(amount <= 0 || amount > Jcs.MAX_SAFE_INTEGER ? BAD_AMOUNT : !debit && !credit ? BAD_SIDE : -1);
        }
        return count;
    }
}
