package microfactory.ledger.tlog;

import java.util.Arrays;

/** A growable list of 32-byte hashes in one array: a million leaves cost 32 MB, not a million objects. */
final class HashList {

    private byte[] data = new byte[Hashes.SIZE * 64];
    private int size;

    void add(byte[] hash) {
        if ((size + 1) * Hashes.SIZE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        System.arraycopy(hash, 0, data, size * Hashes.SIZE, Hashes.SIZE);
        size++;
    }

    /** Adds {@code count} hashes lying side by side in {@code hashes} from {@code offset}. */
    void addAll(byte[] hashes, int offset, int count) {
        while ((size + count) * Hashes.SIZE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        System.arraycopy(hashes, offset, data, size * Hashes.SIZE, count * Hashes.SIZE);
        size += count;
    }

    byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("hash " + index + " of " + size);
        }
        int at = (int) index * Hashes.SIZE;
        return Arrays.copyOfRange(data, at, at + Hashes.SIZE);
    }

    /** Copies hashes [from, from + count) into one byte array: a tile. */
    byte[] slice(long from, int count) {
        int at = (int) from * Hashes.SIZE;
        return Arrays.copyOfRange(data, at, at + count * Hashes.SIZE);
    }

    int size() {
        return size;
    }
}
