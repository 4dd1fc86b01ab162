package microfactory.ledger.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every transfer id must be new. Checking each against a table of a million ids means a cache miss per
 * transfer, so the ids' 64-bit hashes are kept with their positions as the books meet them, and checked at
 * the end bucket by bucket (each bucket's table small enough to stay in the cache). A repeated hash is
 * confirmed against the ids' bytes before it is reported, so a hash collision is never taken for a repeat.
 */
final class TransferIds {

    /** Reads the id of the transfer at a position, to confirm a repeat. */
    interface Ids {
        String idAt(long position);
    }

    /** A position: the entry's index and the transfer's place in it. */
    static long position(long entry, int transfer) {
        return entry << 16 | transfer;
    }

    static long entry(long position) {
        return position >>> 16;
    }

    static int transfer(long position) {
        return (int) (position & 0xFFFF);
    }

    private long[] hashes;
    private long[] positions;
    private int size;

    TransferIds(long expected) {
        int capacity = (int) Math.min(1 << 28, Math.max(16, expected));
        hashes = new long[capacity];
        positions = new long[capacity];
    }

    /** Notes an id; positions come in log order. */
    void add(long hash, long position) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        hashes[size] = hash;
        positions[size++] = position;
    }

    /** The position of the first transfer (in log order) whose id some earlier transfer had, or -1. */
    long firstRepeat(Ids ids) {
        int bits = Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, size / 2048))); // ~2048 ids a bucket
        int buckets = 1 << bits;
        int[] start = new int[buckets + 1];
        for (int k = 0; k < size; k++) {
            start[bucket(hashes[k], bits) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] order = new int[size]; // ids grouped by bucket, each group still in log order
        int[] fill = Arrays.copyOf(start, buckets);
        for (int k = 0; k < size; k++) {
            order[fill[bucket(hashes[k], bits)]++] = k;
        }
        // Buckets are independent: checked on every core, each thread reusing one small table.
        return IntStream.range(0, buckets).parallel()
                .mapToLong(b -> firstRepeatIn(order, start[b], start[b + 1], ids))
                .filter(p -> p >= 0).min().orElse(-1);
    }

    private static int bucket(long hash, int bits) {
        return bits == 0 ? 0 : (int) (hash >>> (64 - bits));
    }

    /** A bucket's table of hashes seen: one per thread, cleared between buckets. */
    private static final class Table {
        long[] seen = new long[0];
        int[] where;
        boolean[] used;

        int clear(int entries) {
            int capacity = Integer.highestOneBit(Math.max(8, entries * 2)) << 1;
            if (seen.length < capacity) {
                seen = new long[capacity];
                where = new int[capacity];
                used = new boolean[capacity];
            } else {
                Arrays.fill(used, 0, capacity, false);
            }
            return capacity;
        }
    }

    private static final ThreadLocal<Table> TABLE = ThreadLocal.withInitial(Table::new);

    private long firstRepeatIn(int[] order, int from, int to, Ids ids) {
        Table table = TABLE.get();
        int capacity = table.clear(to - from);
        long[] seen = table.seen;
        int[] where = table.where;
        boolean[] used = table.used;
        Map<Long, List<Integer>> collided = null; // a hash two different ids share: astronomically rare
        for (int j = from; j < to; j++) {
            int k = order[j];
            long hash = hashes[k];
            int s = (int) hash & (capacity - 1);
            while (used[s] && seen[s] != hash) {
                s = (s + 1) & (capacity - 1);
            }
            if (!used[s]) {
                used[s] = true;
                seen[s] = hash;
                where[s] = k;
                continue;
            }
            String id = ids.idAt(positions[k]);
            if (id.equals(ids.idAt(positions[where[s]]))) {
                return positions[k]; // the first repeat in this bucket: later ones come after it in log order
            }
            collided = collided == null ? new HashMap<>() : collided;
            List<Integer> others = collided.computeIfAbsent(hash, h -> new ArrayList<>());
            for (int other : others) {
                if (id.equals(ids.idAt(positions[other]))) {
                    return positions[k];
                }
            }
            others.add(k);
        }
        return -1;
    }
}
