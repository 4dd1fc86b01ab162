package microfactory.ledger.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.CanonicalJson;
import microfactory.ledger.tlog.MerkleTree;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.Proofs;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;

/**
 * Verifies a published ledger with nothing but its files: the checkpoint's signature, every entry's
 * canonical form, the Merkle tree recomputed from the entries against the checkpoint and every hash
 * tile, the books replayed, and (given the last trusted checkpoint) that the log only grew.
 * Stops at the first problem and names the entry index or the file.
 */
public final class LedgerVerifier {

    /** Told how far verification has got: entries done of the total. */
    public interface Progress {
        void at(long done, long total);
    }

    private LedgerVerifier() {
    }

    public static VerifyResult verify(LogSource source, String trustedCheckpoint, Progress progress) throws IOException {
        byte[] keyBytes = source.read("key");
        if (keyBytes == null) {
            return VerifyResult.failed(source.where("key") + ": missing");
        }
        NoteKeys.Verifier key;
        try {
            key = NoteKeys.parseVkey(new String(keyBytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return VerifyResult.failed(source.where("key") + ": " + e.getMessage());
        }
        byte[] noteBytes = source.read("checkpoint");
        if (noteBytes == null) {
            return VerifyResult.failed(source.where("checkpoint") + ": missing");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = signedCheckpoint(new String(noteBytes, StandardCharsets.UTF_8), key);
        } catch (IllegalArgumentException e) {
            return VerifyResult.failed(source.where("checkpoint") + ": " + e.getMessage());
        }

        long size = checkpoint.size();
        MerkleTree tree = new MerkleTree();
        Books books = new Books(size);
        long bundles = (size + Tiles.WIDTH - 1) / Tiles.WIDTH;
        // Pipelined: while this thread replays the books of one chunk (in order), the pool checks and hashes the
        // next chunk's bundles in parallel, so every core stays busy.
        Queue<EntryOps> spare = new ConcurrentLinkedQueue<>(); // operation lists the books are done with, for reuse
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            ForkJoinTask<List<Bundle>> next = checked(pool, source, 0, bundles, size, spare);
            for (long first = 0; first < bundles; first += CHUNK) {
                List<Bundle> chunk = next.join();
                next = first + CHUNK < bundles ? checked(pool, source, first + CHUNK, bundles, size, spare) : null;
                for (Bundle bundle : chunk) {
                    if (bundle.missing) {
                        return VerifyResult.failed(source.where(bundle.address.path()) + ": missing");
                    }
                    if (bundle.fileProblem != null) {
                        return VerifyResult.failed(source.where(bundle.address.path()) + ": " + bundle.fileProblem);
                    }
                    for (int i = 0; i < bundle.parsed; i++) {
                        String why = books.apply(bundle.ops, bundle.opsStart[i], bundle.opsStart[i + 1], bundle.bytes);
                        if (why != null) {
                            return VerifyResult.failed("entry " + bundle.index(i) + " (" + bundle.address.path() + "): " + why);
                        }
                    }
                    spare.offer(bundle.ops);
                    if (bundle.entryProblem != null) {
                        return VerifyResult.failed("entry " + bundle.index(bundle.parsed) + " (" + bundle.address.path()
                                + "): " + bundle.entryProblem);
                    }
                    if (bundle.levels != null) {
                        tree.appendTile(bundle.levels);
                    } else {
                        for (byte[] leaf : bundle.leaves) {
                            tree.appendLeafHash(leaf);
                        }
                    }
                }
                if (progress != null) {
                    progress.at(tree.size(), size);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdownNow();
        }

        Optional<String> tileProblem = checkTiles(source, tree, size);
        if (tileProblem.isPresent()) {
            return VerifyResult.failed(tileProblem.get());
        }
        if (!Hashes.equal(tree.root(size), checkpoint.root())) {
            return VerifyResult.failed(source.where("checkpoint") + ": its root hash is not the root of the "
                    + size + " entries");
        }
        List<String> facts = new ArrayList<>();
        facts.add(size + " entries; root " + Hashes.base64(checkpoint.root()));
        facts.add("checkpoint signed by " + key.vkey());
        facts.add("books replayed: " + books.summary() + "; " + books.accounts() + " accounts, "
                + books.openPending() + " pending transfers open");
        if (trustedCheckpoint != null) {
            Checkpoint old;
            try {
                old = signedCheckpoint(trustedCheckpoint, key);
            } catch (IllegalArgumentException e) {
                return VerifyResult.failed("the trusted checkpoint: " + e.getMessage());
            }
            if (!old.origin().equals(checkpoint.origin())) {
                return VerifyResult.failed("the trusted checkpoint is of another log (" + old.origin() + ")");
            }
            if (old.size() > size) {
                return VerifyResult.failed("the log shrank from " + old.size() + " to " + size + " entries");
            }
            if (old.size() > 0) {
                Optional<String> why = Proofs.checkConsistency(old.size(), size, old.root(), checkpoint.root(),
                        tree.consistencyProof(old.size(), size));
                if (why.isPresent()) {
                    return VerifyResult.failed("the checkpoint does not extend the trusted one of " + old.size()
                            + " entries: " + why.get());
                }
            }
            facts.add("extends the trusted checkpoint of " + old.size() + " entries (consistency proof holds)");
        }
        return new VerifyResult(true, size, Hashes.base64(checkpoint.root()), null, facts);
    }

    private static Checkpoint signedCheckpoint(String text, NoteKeys.Verifier key) {
        SignedNote note = SignedNote.parse(text);
        if (!note.verifiedBy(key)) {
            throw new IllegalArgumentException("no valid signature by " + key.name() + " (the note or the key was changed)");
        }
        Checkpoint c = Checkpoint.parse(note.text());
        if (!c.origin().equals(key.name())) {
            throw new IllegalArgumentException("the origin '" + c.origin() + "' is not the key's name '" + key.name() + "'");
        }
        return c;
    }

    /** Reads a chunk of bundles and checks them in parallel on the pool (a missing bundle is marked, not checked). */
    private static ForkJoinTask<List<Bundle>> checked(ForkJoinPool pool, LogSource source, long first, long bundles, long size,
            Queue<EntryOps> spare) {
        return pool.submit(() -> {
            List<Bundle> chunk = new ArrayList<>();
            for (long n = first; n < Math.min(bundles, first + CHUNK); n++) {
                Tiles.Address address = new Tiles.Address(null, n, (int) Math.min(Tiles.WIDTH, size - n * Tiles.WIDTH));
                byte[] bytes;
                try {
                    bytes = source.read(address.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                EntryOps ops = spare.poll();
                chunk.add(new Bundle(address, bytes, ops != null ? ops : new EntryOps()));
            }
            chunk.parallelStream().filter(b -> !b.missing).forEach(Bundle::check);
            return chunk;
        });
    }

    /** Each checking thread reuses one cursor. */
    private static final ThreadLocal<CanonicalJson> CURSOR = ThreadLocal.withInitial(CanonicalJson::new);

    /** Bundles checked in parallel at a time: enough to keep every core busy, few enough to stay small in memory. */
    private static final int CHUNK = 64;

    /**
     * One entry bundle's work that needs no order: framing, each entry's canonical form, its leaf hash,
     * and for a full tile all 255 inner node hashes. The books are replayed afterwards, in order.
     */
    private static final class Bundle {
        final Tiles.Address address;
        final byte[] bytes;
        final EntryOps ops;
        int[] opsStart;
        int parsed;
        byte[][] leaves;
        byte[][][] levels;
        String fileProblem;
        String entryProblem;
        final boolean missing;

        Bundle(Tiles.Address address, byte[] bytes, EntryOps ops) {
            this.address = address;
            this.ops = ops;
            this.bytes = bytes;
            this.missing = bytes == null;
        }

        long index(int i) {
            return address.index() * Tiles.WIDTH + i;
        }

        void check() {
            // Walk the framing in place: each entry is parsed and hashed inside the bundle, never copied.
            leaves = new byte[address.width()][];
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
                        ops.read(json.reset(bytes, at, at + length));
                        opsStart[++parsed] = ops.size();
                        leaves[count] = Hashes.leaf(bytes, at, length);
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
            if (leaves.length == Tiles.WIDTH) {
                levels = MerkleTree.tileLevels(leaves);
            }
        }
    }

    /** Every hash tile must hold exactly the recomputed hashes: names the first that does not. */
    private static Optional<String> checkTiles(LogSource source, MerkleTree tree, long size) throws IOException {
        for (Tiles.Address tile : Tiles.forTree(size)) {
            if (tile.entries()) {
                continue;
            }
            byte[] served = source.read(tile.path());
            if (served == null) {
                return Optional.of(source.where(tile.path()) + ": missing");
            }
            byte[] expected = tree.tile(tile.level(), tile.index(), tile.width(), size);
            if (!Arrays.equals(served, expected)) {
                int first = 0;
                while (first * 32 + 32 <= Math.min(served.length, expected.length)
                        && Arrays.equals(served, first * 32, first * 32 + 32, expected, first * 32, first * 32 + 32)) {
                    first++;
                }
                long at = tile.index() * Tiles.WIDTH + first;
                String what = tile.level() == 0 ? "the hash of entry " + at + " (the entry or the tile was changed)"
                        : "hash " + first + " (node " + at + " at tree level " + tile.level() * Tiles.HEIGHT + ")";
                return Optional.of(source.where(tile.path()) + ": " + what + " differs from the tree recomputed from the entries");
            }
        }
        return Optional.empty();
    }
}
