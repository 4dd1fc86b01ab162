package microfactory.ledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
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

    /** Hands every entry of a verified log of {@code size} entries, in order, to {@code each}: from its entry bundles. */
    public static void entries(LogSource source, long size, Consumer<byte[]> each) throws IOException {
        for (long n = 0; n * Tiles.WIDTH < size; n++) {
            int width = (int) Math.min(Tiles.WIDTH, size - n * Tiles.WIDTH);
            Tiles.unbundle(source.read(Tiles.Address.entries(n, width).path())).forEach(each);
        }
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
        Replay replay = new Replay(source, size, progress);
        String problem = replay.run();
        if (problem != null) {
            return VerifyResult.failed(problem);
        }
        MerkleTree tree = replay.tree();
        Books books = replay.books();

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

    /**
     * Every hash tile above the leaves must hold exactly the recomputed hashes (the leaf tiles were compared as their
     * bundles were checked): names the first that does not.
     */
    private static Optional<String> checkTiles(LogSource source, MerkleTree tree, long size) throws IOException {
        for (Tiles.Address tile : Tiles.forTree(size)) {
            if (tile.entries() || tile.level() == 0) {
                continue;
            }
            byte[] served = source.read(tile.path());
            Optional<String> problem = tileProblem(source, tile, served, tree.tile(tile.level(), tile.index(), tile.width(), size), 0);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A served tile against the hashes recomputed (starting at {@code offset} of {@code expected}): what differs, if anything. */
    static Optional<String> tileProblem(LogSource source, Tiles.Address tile, byte[] served, byte[] expected, int offset) {
        if (served == null) {
            return Optional.of(source.where(tile.path()) + ": missing");
        }
        int length = tile.width() * Hashes.SIZE;
        if (served.length == length && Arrays.equals(served, 0, length, expected, offset, offset + length)) {
            return Optional.empty();
        }
        int first = 0;
        while (first * 32 + 32 <= Math.min(served.length, length)
                && Arrays.equals(served, first * 32, first * 32 + 32, expected, offset + first * 32, offset + first * 32 + 32)) {
            first++;
        }
        long at = tile.index() * Tiles.WIDTH + first;
        String what = tile.level() == 0 ? "the hash of entry " + at + " (the entry or the tile was changed)"
                : "hash " + first + " (node " + at + " at tree level " + tile.level() * Tiles.HEIGHT + ")";
        return Optional.of(source.where(tile.path()) + ": " + what + " differs from the tree recomputed from the entries");
    }
}
