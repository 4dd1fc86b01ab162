package microfactory.ledger.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2 proof verification, with the conventions of the transparency-dev
 * reference verifier: every hash is 32 bytes, an index must be below the size, and a consistency
 * proof from an empty tree is refused as meaningless.
 */
public final class Proofs {

    private Proofs() {
    }

    /** Empty when the proof holds, else why not. */
    public static Optional<String> checkInclusion(long index, long size, byte[] leafHash, List<byte[]> proof,
                                                          byte[] root) {
        if (!hashes(root, leafHash) || !hashes(proof)) {
            return Optional.of("a hash is not 32 bytes");
        }
        if (index < 0 || index >= size) {
            return Optional.of("index " + index + " is not below the tree size " + size);
        }
        byte[] computed = rootFromInclusion(index, size, leafHash, proof);
        if (computed == null) {
            return Optional.of("the proof has the wrong length for index " + index + " in a tree of " + size);
        }
        return Hashes.equal(computed, root) ? Optional.empty()
                : Optional.of("the proof leads to another root");
    }

    static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Empty when the tree of size2 with root2 extends the tree of size1 with root1, else why not. */
    public static Optional<String> checkConsistency(long size1, long size2, byte[] root1, byte[] root2,
                                                            List<byte[]> proof) {
        if (size1 < 0 || size2 < 0 || size1 > size2) {
            return Optional.of("size " + size1 + " cannot grow into size " + size2);
        }
        if (size1 == 0) {
            return Optional.of("a proof from an empty tree proves nothing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                return Optional.of("equal sizes need an empty proof");
            }
            return Hashes.equal(root1, root2) ? Optional.empty()
                    : Optional.of("equal sizes but different roots: the history was rewritten");
        }
        if (!hashes(root1, root2) || !hashes(proof)) {
            return Optional.of("a hash is not 32 bytes");
        }
        if (proof.isEmpty()) {
            return Optional.of("the proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return Optional.of("the proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Optional.of("the proof is too short");
        }
        if (!Hashes.equal(fr, root1)) {
            return Optional.of("the proof does not lead to the old root: the history was rewritten");
        }
        return Hashes.equal(sr, root2) ? Optional.empty()
                : Optional.of("the proof does not lead to the new root");
    }

    private static boolean hashes(byte[]... hs) {
        for (byte[] h : hs) {
            if (h == null || h.length != Hashes.SIZE) {
                return false;
            }
        }
        return true;
    }

    private static boolean hashes(List<byte[]> hs) {
        return hs.stream().allMatch(h -> h != null && h.length == Hashes.SIZE);
    }
}
