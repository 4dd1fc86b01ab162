package microfactory.ledger.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import microfactory.ledger.tlog.CanonicalJson;

/**
 * Numbers distinct byte strings 0, 1, 2, … in the order first seen, keeping their bytes in one array: a
 * million transfer ids cost their bytes and three ints each, not a million String and map-node objects.
 * The bytes are a string's canonical JSON form, which is unique, so equal bytes mean equal strings.
 */
final class ByteKeys {

    private byte[] arena;
    private int arenaSize;
    private int[] starts; // key k's bytes are arena[starts[k], starts[k + 1])
    private long[] slots; // hash << 32 | key number + 1, 0 for empty: one memory read finds both; linear probing
    private int shift; // a slot is the top bits of the hash
    private int size;

    /** Sized for {@code expected} keys of about 16 bytes, so a table filled as expected never copies itself. */
    ByteKeys(int expected) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(16, expected * 2 - 1));
        slots = new long[1 << bits];
        shift = 32 - bits;
        starts = new int[Math.max(16, expected + 2)];
        arena = new byte[(int) Math.min(1 << 30, Math.max(256L, expected * 16L))];
    }

    int size() {
        return size;
    }

    /** The number of bytes [from, to) (whose {@link #hash} is given), or -1 when they were never added. */
    int find(byte[] bytes, int from, int to, long hash64) {
        int hash = (int) (hash64 >>> 32);
        int mask = slots.length - 1;
        for (int s = hash >>> shift; slots[s] != 0; s = (s + 1) & mask) {
            long slot = slots[s];
            int key = (int) slot - 1;
            if ((int) (slot >>> 32) == hash && same(key, bytes, from, to)) {
                return key;
            }
        }
        return -1;
    }

    /** The number of bytes [from, to), adding them when new: a result of {@code size() - 1} after the call means new. */
    int add(byte[] bytes, int from, int to, long hash64) {
        int hash = (int) (hash64 >>> 32);
        int mask = slots.length - 1;
        int s = hash >>> shift;
        for (; slots[s] != 0; s = (s + 1) & mask) {
            long slot = slots[s];
            int key = (int) slot - 1;
            if ((int) (slot >>> 32) == hash && same(key, bytes, from, to)) {
                return key;
            }
        }
        int length = to - from;
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(bytes, from, arena, arenaSize, length);
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[size] = arenaSize;
        arenaSize += length;
        starts[size + 1] = arenaSize;
        slots[s] = (long) hash << 32 | ++size;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    /** The characters of key {@code key} (its bytes are a checked JSON string's content). */
    String text(int key) {
        return CanonicalJson.decode(arena, starts[key], end(key));
    }

    private boolean same(int key, byte[] bytes, int from, int to) {
        int at = starts[key];
        if (starts[key + 1] - at != to - from) {
            return false;
        }
        for (int k = from; k < to; k++, at++) {
            if (arena[at] != bytes[k]) {
                return false;
            }
        }
        return true;
    }

    private int end(int key) {
        return starts[key + 1];
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        shift--;
        for (long slot : slots) {
            if (slot != 0) {
                int s = (int) (slot >>> 32) >>> shift;
                while (bigger[s] != 0) {
                    s = (s + 1) & mask;
                }
                bigger[s] = slot;
            }
        }
        slots = bigger;
    }

    /**
     * The 64-bit hash {@link #find} and {@link #add} take (the slot is its top bits), computed where the bytes are
     * read, in parallel; also what {@link TransferIds} compares.
     */
    static long hash(byte[] bytes, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int k = from;
        for (; k + 8 <= to; k += 8) { // eight bytes a step: a short id is one or two
            h = Long.rotateLeft((h ^ (long) WORDS.get(bytes, k)) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        if (k < to) {
            long tail;
            if (k + 8 <= bytes.length) {
                tail = (long) WORDS.get(bytes, k) & (-1L >>> (8 * (8 - (to - k))));
            } else {
                tail = 0;
                for (int j = to - 1; j >= k; j--) {
                    tail = tail << 8 | (bytes[j] & 0xFF);
                }
            }
            h = Long.rotateLeft((h ^ tail) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        h ^= h >>> 33; // murmur3's final mix: every input bit reaches every output bit
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static final VarHandle WORDS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
}
