package microfactory.ledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.MerkleTree;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;

/** Writes a log of given entries as a tlog-tiles folder with a signed checkpoint: for benchmarks and audits of tools. */
public final class LogFolder {

    private LogFolder() {
    }

    /** Returns the signed checkpoint written. */
    public static String write(Path dir, List<byte[]> entries, String name, PrivateKey privateKey, PublicKey publicKey)
            throws IOException {
        MerkleTree tree = new MerkleTree();
        entries.forEach(e -> tree.appendLeafHash(Hashes.leaf(e)));
        long size = tree.size();
        for (Tiles.Address tile : Tiles.forTree(size)) {
            byte[] bytes;
            if (tile.entries()) {
                int from = (int) (tile.index() * Tiles.WIDTH);
                bytes = Tiles.bundle(entries.subList(from, from + tile.width()));
            } else {
                bytes = tree.tile(tile.level(), tile.index(), tile.width(), size);
            }
            Path file = dir.resolve(tile.path());
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
        Files.createDirectories(dir); // an empty log has no tiles to make it
        NoteKeys.Verifier verifier = NoteKeys.verifier(name, publicKey);
        String note = SignedNote.sign(new Checkpoint(name, size, tree.root(size)).body(), name, privateKey, verifier.keyId());
        Files.writeString(dir.resolve("key"), verifier.vkey() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("checkpoint"), note, StandardCharsets.UTF_8);
        return note;
    }
}
