package microfactory.ledger.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;

/**
 * Mirrors a published log into a folder anyone can host as static files: checkpoint, key, every
 * tile and entry bundle. Full tiles never change, so a mirror already holding one skips it.
 */
public final class LedgerExport {

    private LedgerExport() {
    }

    /** Returns the number of files written. */
    public static int export(LogSource source, Path dir, LedgerVerifier.Progress progress) throws IOException {
        byte[] key = require(source, "key");
        byte[] note = require(source, "checkpoint");
        long size = Checkpoint.parse(SignedNote.parse(new String(note, StandardCharsets.UTF_8)).text()).size();
        var tiles = Tiles.forTree(size);
        int written = 0;
        int done = 0;
        for (Tiles.Address tile : tiles) {
            Path file = dir.resolve(tile.path());
            if (!(Files.exists(file) && !tile.partial())) {
                write(file, require(source, tile.path()));
                written++;
            }
            if (progress != null && (++done % 64 == 0 || done == tiles.size())) {
                progress.at(done, tiles.size());
            }
        }
        // The checkpoint last: a mirror never shows a checkpoint whose tiles it lacks.
        write(dir.resolve("key"), key);
        write(dir.resolve("checkpoint"), note);
        return written + 2;
    }

    private static byte[] require(LogSource source, String path) throws IOException {
        byte[] bytes = source.read(path);
        if (bytes == null) {
            throw new IOException(source.where(path) + " is missing");
        }
        return bytes;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
