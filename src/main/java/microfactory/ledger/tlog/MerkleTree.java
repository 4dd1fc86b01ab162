package microfactory.ledger.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree kept as its perfect subtrees: level k holds the hash of every
 * complete run of 2^k leaves. Appending is amortised O(1); roots, proofs and tiles of any earlier size
 * come from stored nodes in O(log n). Not thread-safe: the ledger serialises appends.
 */
public final class MerkleTree {

    private final List<HashList> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new HashList());
    }

    public long size() {
        return levels.get(0).size();
    }

    public void appendLeafHash(byte[] leafHash) {
        if (leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        levels.get(0).add(leafHash);
        // Each time a level gets an even count, the last two nodes complete a parent.
        int level = 0;
        byte[] right = leafHash;
        while (levels.get(level).size() % 2 == 0) {
            byte[] left = levels.get(level).get(levels.get(level).size() - 2);
            byte[] parent = Hashes.node(left, right);
            if (levels.size() == level + 1) {
                levels.add(new HashList());
            }
            levels.get(level + 1).add(parent);
            right = parent;
            level++;
        }
    }

    /** Bytes of a whole tile's hashes, level by level: 256 leaf hashes, then 128 above them, … up to its root. */
    public static final int TILE_BYTES = (2 * Tiles.WIDTH - 1) * Hashes.SIZE;

    /** Where level {@code k} (0 = leaves) starts in a tile's hashes. */
    private static int levelOffset(int k) {
        return (2 * Tiles.WIDTH - (Tiles.WIDTH >> k) * 2) * Hashes.SIZE;
    }

    /**
     * Fills in the inner hashes of a whole tile whose 256 leaf hashes are at the start of {@code tile}
     * ({@link #TILE_BYTES} long): each pair of hashes side by side gives the one above.
     */
    public static void hashTile(byte[] tile) {
        for (int k = 1; k <= Tiles.HEIGHT; k++) {
            int below = levelOffset(k - 1);
            int here = levelOffset(k);
            for (int j = 0; j < Tiles.WIDTH >> k; j++) {
                Hashes.node(tile, below + 2 * j * Hashes.SIZE, tile, here + j * Hashes.SIZE);
            }
        }
    }

    /**
     * Appends a whole tile of 256 leaves whose inner hashes were computed elsewhere (in parallel, by
     * {@link #hashTile}). The tree must end on a tile boundary.
     */
    public void appendTile(byte[] tile) {
        if (size() % Tiles.WIDTH != 0 || tile.length != TILE_BYTES) {
            throw new IllegalArgumentException("a whole tile goes on a tile boundary");
        }
        while (this.levels.size() <= Tiles.HEIGHT) {
            this.levels.add(new HashList());
        }
        for (int k = 0; k <= Tiles.HEIGHT; k++) {
            this.levels.get(k).addAll(tile, levelOffset(k), Tiles.WIDTH >> k);
        }
        int level = Tiles.HEIGHT; // carry the tile's root upward, as appendLeafHash does
        byte[] right = Arrays.copyOfRange(tile, levelOffset(Tiles.HEIGHT), levelOffset(Tiles.HEIGHT) + Hashes.SIZE);
        while (this.levels.get(level).size() % 2 == 0) {
            byte[] left = this.levels.get(level).get(this.levels.get(level).size() - 2);
            byte[] parent = Hashes.node(left, right);
            if (this.levels.size() == level + 1) {
                this.levels.add(new HashList());
            }
            this.levels.get(level + 1).add(parent);
            right = parent;
            level++;
        }
    }

    public byte[] leafHash(long index) {
        return levels.get(0).get(index);
    }

    /** The tree head of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? Hashes.copy(Hashes.EMPTY_ROOT) : hash(0, size);
    }

    /** MTH of leaves [from, to); from is aligned to the largest power of two below to - from, as RFC 9162's recursion guarantees. */
    byte[] hash(long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(from >> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return Hashes.node(hash(from, from + k), hash(from + k, to));
    }

    /** RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size} leaves. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    private void path(long m, long from, long to, List<byte[]> proof) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, proof);
            proof.add(hash(from + k, to));
        } else {
            path(m - k, from + k, to, proof);
            proof.add(hash(from, from + k));
        }
    }

    /** RFC 9162 §2.1.4.1: proof that the tree of {@code size2} extends the tree of {@code size1}. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkSize(size2);
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("a consistency proof needs 0 < size1 <= size2, got " + size1 + " and " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, proof);
        return proof;
    }

    private void subproof(long m, long from, long to, boolean whole, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(hash(from, to));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, whole, proof);
            proof.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(hash(from, from + k));
        }
    }

    /** The hashes of tile {@code index} at tile level {@code tileLevel} (tree level 8 × tileLevel), {@code width} of them. */
    public byte[] tile(int tileLevel, long index, int width, long treeSize) {
        int level = tileLevel * Tiles.HEIGHT;
        long available = treeSize >> level;
        long first = index * Tiles.WIDTH;
        if (width < 1 || width > Tiles.WIDTH || first + width > available || level >= levels.size()) {
            throw new IllegalArgumentException("no such tile");
        }
        return levels.get(level).slice(first, width);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
        }
    }
}
