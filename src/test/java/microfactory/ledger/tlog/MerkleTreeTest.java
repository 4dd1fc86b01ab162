package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The stored-subtree tree against the RFC 9162 definition computed the slow way. */
class MerkleTreeTest {

    static byte[] mth(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return Hashes.EMPTY_ROOT;
        }
        if (n == 1) {
            return Hashes.leaf(leaves.get(from));
        }
        int k = Integer.highestOneBit(n - 1);
        return Hashes.node(mth(leaves, from, from + k), mth(leaves, from + k, to));
    }

    @Test
    void rootsAndProofsMatchTheDefinitionAtEverySize() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            leaves.add(leaf);
            tree.appendLeafHash(Hashes.leaf(leaf));
        }
        for (int size = 0; size <= 300; size += size < 20 ? 1 : 37) {
            assertThat(tree.root(size)).isEqualTo(mth(leaves, 0, size));
        }
        for (int size : new int[] {1, 2, 3, 7, 8, 9, 255, 256, 257, 300}) {
            for (int i = 0; i < size; i += Math.max(1, size / 13)) {
                assertThat(Proofs.checkInclusion(i, size, tree.leafHash(i), tree.inclusionProof(i, size), tree.root(size)))
                        .as("leaf %d of %d", i, size).isEmpty();
            }
            for (int old = 1; old <= size; old += Math.max(1, size / 11)) {
                assertThat(Proofs.checkConsistency(old, size, tree.root(old), tree.root(size), tree.consistencyProof(old, size)))
                        .as("%d → %d", old, size).isEmpty();
            }
        }
    }

    @Test
    void aRewrittenHistoryFailsConsistency() {
        MerkleTree honest = new MerkleTree();
        MerkleTree forged = new MerkleTree();
        for (int i = 0; i < 20; i++) {
            byte[] leaf = ByteBuffer.allocate(4).putInt(i).array();
            honest.appendLeafHash(Hashes.leaf(leaf));
            forged.appendLeafHash(Hashes.leaf(i == 5 ? new byte[] {9} : leaf));
        }
        assertThat(Proofs.checkConsistency(10, 20, honest.root(10), forged.root(20), forged.consistencyProof(10, 20)))
                .hasValueSatisfying(why -> assertThat(why).contains("rewritten"));
    }

    @Test
    void tilesHoldTheHashesOfTheirLevel() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 70_000; i++) {
            tree.appendLeafHash(Hashes.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
        byte[] level0 = tree.tile(0, 1, 256, tree.size());
        assertThat(Arrays.copyOfRange(level0, 0, 32)).isEqualTo(tree.leafHash(256));
        byte[] level1 = tree.tile(1, 0, 256, tree.size());
        assertThat(Arrays.copyOfRange(level1, 32, 64)).isEqualTo(tree.hash(256, 512));
        assertThat(tree.tile(2, 0, 1, tree.size())).isEqualTo(tree.hash(0, 65_536));
    }
}
