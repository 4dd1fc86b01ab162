package microfactory.ledger.verify;

import java.util.Arrays;

import microfactory.ledger.tlog.CanonicalJson;

/**
 * How {@link EntryOps} read an entry of a known layout, recorded the first time: the operations it appended, which of
 * their fields came from which of the entry's values (a string's reference or hash, a number), and what the reading
 * depended on beyond the layout (a string compared with a word, as the kind or a posting's side; whether an amount
 * is positive). Another entry of the same layout whose values pass those same tests is read the same way, so its
 * operations are the recorded ones with its own values put in: no walk through the entry at all.
 */
final class ReadingPlan {

    static final int REF = 1;
    static final int HASH = 2;
    static final int NUMBER = 3;

    /** A field's source: a kind and a value number, packed. */
    static int from(int kind, int value) {
        return kind << 24 | value;
    }

    private final long[] template;
    private final int[] fields; // the fields that come from values, with their sources
    private final int[] sources;
    private final int[] sameBytes; // the values whose bytes must be as they were
    private final byte[][] bytes;
    private final int[] positive; // the numbers whose sign must be as it was
    private final boolean[] wasPositive;

    private ReadingPlan(long[] template, int[] fields, int[] sources, Guards guards, CanonicalJson json) {
        this.template = template;
        this.fields = fields;
        this.sources = sources;
        // A string the layout holds in its frame is the same in every entry that has it: no need to compare it.
        int kept = 0;
        int[] values = new int[guards.count];
        byte[][] expected = new byte[guards.count][];
        for (int k = 0; k < guards.count; k++) {
            if (!json.fixed(guards.values[k])) {
                values[kept] = guards.values[k];
                expected[kept++] = guards.bytes[k];
            }
        }
        this.sameBytes = Arrays.copyOf(values, kept);
        this.bytes = Arrays.copyOf(expected, kept);
        this.positive = Arrays.copyOf(guards.numbers, guards.numberCount);
        this.wasPositive = Arrays.copyOf(guards.wasPositive, guards.numberCount);
    }

    /**
     * The plan of the reading that appended ops [begin, end), whose fields' sources are in {@code from}. The hash of a
     * string the layout holds in its frame stays as recorded; its place in the entry may move, so its reference does not.
     */
    static ReadingPlan of(long[] ops, int[] from, int begin, int end, Guards guards, CanonicalJson json) {
        int[] fields = new int[end - begin];
        int[] sources = new int[end - begin];
        int n = 0;
        for (int k = begin; k < end; k++) {
            if (from[k] != 0 && !(from[k] >>> 24 == HASH && json.fixed(from[k] & 0xFFFFFF))) {
                fields[n] = k - begin;
                sources[n++] = from[k];
            }
        }
        return new ReadingPlan(Arrays.copyOfRange(ops, begin, end), Arrays.copyOf(fields, n), Arrays.copyOf(sources, n), guards, json);
    }

    /** Whether this entry's values pass the tests the recorded reading made. */
    private boolean fits(CanonicalJson json) {
        byte[] b = json.bytes();
        for (int k = 0; k < sameBytes.length; k++) {
            int start = json.valueStart(sameBytes[k]);
            byte[] expected = bytes[k];
            if (json.valueEnd(sameBytes[k]) - start != expected.length) {
                return false;
            }
            for (int j = 0; j < expected.length; j++) {
                if (b[start + j] != expected[j]) {
                    return false;
                }
            }
        }
        for (int k = 0; k < positive.length; k++) {
            if (json.valueNumber(positive[k]) > 0 != wasPositive[k]) {
                return false;
            }
        }
        return true;
    }

    /** Appends this entry's operations: the recorded ones with its values put in. */
    private void apply(CanonicalJson json, OpList to) {
        int base = to.size();
        long[] ops = to.append(template);
        byte[] b = json.bytes();
        for (int k = 0; k < fields.length; k++) {
            int value = sources[k] & 0xFFFFFF;
            int start = json.valueStart(value);
            int end = json.valueEnd(value);
            ops[base + fields[k]] = switch (sources[k] >>> 24) {
                case REF -> (long) start << 32 | (end - start);
                case HASH -> ByteKeys.hash(b, start, end);
                default -> json.valueNumber(value);
            };
        }
    }

    /** The plans for one layout: a few, as a layout's entries may differ in a kind or a side. */
    static final class Plans {
        private static final int MAX = 8;
        private final ReadingPlan[] plans = new ReadingPlan[MAX];
        private int count;

        /** Appends the entry's operations by the first plan it fits; false when none does. */
        boolean apply(CanonicalJson json, OpList to) {
            for (int k = 0; k < count; k++) {
                if (plans[k].fits(json)) {
                    plans[k].apply(json, to);
                    return true;
                }
            }
            return false;
        }

        boolean full() {
            return count == MAX;
        }

        void add(ReadingPlan plan) {
            plans[count++] = plan;
        }
    }

    /** What a reading being recorded depended on. */
    static final class Guards {
        private int[] values = new int[8];
        private byte[][] bytes = new byte[8][];
        private int count;
        private int[] numbers = new int[8];
        private boolean[] wasPositive = new boolean[8];
        private int numberCount;

        void clear() {
            count = 0;
            numberCount = 0;
        }

        /** The answer depends on the bytes of the string just read. */
        void sameBytes(CanonicalJson json) {
            int value = json.value();
            for (int k = 0; k < count; k++) {
                if (values[k] == value) {
                    return;
                }
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
                bytes = Arrays.copyOf(bytes, count * 2);
            }
            values[count] = value;
            bytes[count++] = Arrays.copyOfRange(json.bytes(), json.stringStart(), json.stringEnd());
        }

        /** The answer depends on whether number {@code value} is positive. */
        void positive(CanonicalJson json, int value) {
            if (numberCount == numbers.length) {
                numbers = Arrays.copyOf(numbers, numberCount * 2);
                wasPositive = Arrays.copyOf(wasPositive, numberCount * 2);
            }
            numbers[numberCount] = value;
            wasPositive[numberCount++] = json.valueNumber(value) > 0;
        }
    }
}
