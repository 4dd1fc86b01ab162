package microfactory.ledger.verify;

import microfactory.ledger.tlog.CanonicalJson;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.MerkleTree;
import microfactory.ledger.tlog.Tiles;

/**
 * One entry bundle's work that needs no order: framing, each entry's canonical form, its leaf hash,
 * and for a whole tile all 255 inner node hashes. The books are replayed afterwards, in order.
 */
final class Bundle {

    /** Each checking thread reuses one cursor. */
    private static final ThreadLocal<CanonicalJson> CURSOR = ThreadLocal.withInitial(CanonicalJson::learning);

    final Tiles.Address address;
    final byte[] bytes;
    final OpList ops;
    private final EntryOps reader;
    int[] opsStart;
    int parsed;
    byte[] hashes; // leaf hashes side by side; for a whole tile, then the hashes above them (MerkleTree.hashTile)
    String fileProblem;
    String entryProblem;
    String tileProblem; // the served leaf tile differs from these entries' hashes
    final boolean missing;

    Bundle(Tiles.Address address, byte[] bytes, OpList ops) {
        this.address = address;
        this.ops = ops;
        this.reader = new EntryOps(ops);
        this.bytes = bytes;
        this.missing = bytes == null;
    }

    long index(int i) {
        return address.index() * Tiles.WIDTH + i;
    }

    void check() {
        // Walk the framing in place: each entry is parsed and hashed inside the bundle, never copied.
        hashes = new byte[address.width() == Tiles.WIDTH ? MerkleTree.TILE_BYTES : address.width() * Hashes.SIZE];
        opsStart = new int[address.width() + 1];
        ops.clear();
        CanonicalJson json = CURSOR.get();
        int at = 0;
        int count = 0;
        while (at < bytes.length) {
            if (at + 2 > bytes.length) {
                fileProblem = "a length prefix is cut off at byte " + at;
                return;
            }
            int length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            at += 2;
            if (at + length > bytes.length) {
                fileProblem = "entry " + count + " runs past the end of the bundle";
                return;
            }
            if (count == address.width()) {
                fileProblem = "holds more than " + address.width() + " entries";
                return;
            }
            if (entryProblem == null) {
                int begin = ops.size();
                try {
                    reader.read(json.reset(bytes, at, at + length));
                    opsStart[++parsed] = ops.size();
                    Hashes.leaf(bytes, at, length, hashes, count * Hashes.SIZE);
                } catch (IllegalArgumentException e) {
                    ops.truncate(begin);
                    entryProblem = e.getMessage();
                }
            }
            at += length;
            count++;
        }
        if (count != address.width()) {
            fileProblem = "holds " + count + " entries, not " + address.width();
            return;
        }
        if (entryProblem != null) {
            return;
        }
        if (address.width() == Tiles.WIDTH) {
            MerkleTree.hashTile(hashes);
        }
    }
}
