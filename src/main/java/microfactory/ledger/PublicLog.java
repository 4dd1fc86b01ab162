package microfactory.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;
import microfactory.signing.ChapterKey;
import microfactory.signing.SigningKeys;

/**
 * The ledger's public log as readers see it: entries, the signed checkpoint (C2SP tlog-checkpoint), inclusion and
 * consistency proofs (RFC 9162) and tiles (C2SP tlog-tiles), always of committed entries only.
 */
@Service
class PublicLog {

    private final LedgerLog log;
    private final EntryRepository entries;
    private final SigningKeys keys;
    private volatile String cachedCheckpoint;
    private volatile long cachedCheckpointSize = -1;

    PublicLog(LedgerLog log, EntryRepository entries, SigningKeys keys) {
        this.log = log;
        this.entries = entries;
        this.keys = keys;
    }

    public long size() {
        return log.size();
    }

    public LedgerEntry entry(long index) {
        log.flushCurrent();
        return entries.find(index).filter(e -> e.index() < log.size())
                .orElseThrow(() -> new NotFoundException("ledger entry", index));
    }

    /** Newest first, optionally only kinds starting with {@code kind}. */
    public List<LedgerEntry> latest(String kind, Long before, int limit) {
        return latest(kind, null, before, limit);
    }

    /** The newest entries, of a kind and naming a member (by pseudonym) when given. */
    public List<LedgerEntry> latest(String kind, String member, Long before, int limit) {
        long size = log.size();
        return entries.latest(kind, member, before == null ? size : Math.min(before, size), Math.max(1, Math.min(limit, 500)));
    }

    public List<String> kinds() {
        return entries.kinds();
    }

    /** The signed checkpoint of the committed log, as C2SP tlog-checkpoint text. */
    public String checkpoint() {
        return log.read(tree -> {
            long size = tree.size();
            if (size != cachedCheckpointSize) {
                ChapterKey key = keys.chapterKey();
                Checkpoint c = new Checkpoint(key.name(), size, tree.root(size));
                NoteKeys.Verifier v = NoteKeys.verifier(key.name(), key.publicKey());
                cachedCheckpoint = SignedNote.sign(c.body(), key.name(), key.privateKey(), v.keyId());
                cachedCheckpointSize = size;
            }
            return cachedCheckpoint;
        });
    }

    /** The verifier key (C2SP vkey) of the chapter's log key. */
    public String verifierKey() {
        ChapterKey key = keys.chapterKey();
        return NoteKeys.verifier(key.name(), key.publicKey()).vkey();
    }

    public String origin() {
        return keys.chapterKey().name();
    }

    public InclusionProof inclusionProof(long index, Long treeSize) {
        return log.read(tree -> {
            long size = treeSize == null ? tree.size() : treeSize;
            if (size < 1 || size > tree.size()) {
                throw InvalidInputException.of("size", "the tree size must be between 1 and " + tree.size());
            }
            if (index < 0 || index >= size) {
                throw InvalidInputException.of("index", "the entry index must be below the tree size " + size);
            }
            return new InclusionProof(index, size, Hashes.base64(tree.leafHash(index)), Hashes.base64(tree.root(size)),
                    tree.inclusionProof(index, size).stream().map(Hashes::base64).toList());
        });
    }

    public ConsistencyProof consistencyProof(long from, Long to) {
        return log.read(tree -> {
            long size2 = to == null ? tree.size() : to;
            if (size2 > tree.size()) {
                throw InvalidInputException.of("to", "the log has only " + tree.size() + " entries");
            }
            if (from < 1 || from > size2) {
                throw InvalidInputException.of("from", "must be between 1 and " + size2);
            }
            return new ConsistencyProof(from, size2, Hashes.base64(tree.root(from)), Hashes.base64(tree.root(size2)),
                    tree.consistencyProof(from, size2).stream().map(Hashes::base64).toList());
        });
    }

    /** A tlog-tiles tile or entry bundle, if the committed log holds it. */
    public Optional<byte[]> tile(Tiles.Address address) {
        return log.read(tree -> {
            long size = tree.size();
            if (address.entries()) {
                long first = address.index() * Tiles.WIDTH;
                if (first + address.width() > size) {
                    return Optional.<byte[]>empty();
                }
                List<byte[]> bodies = entries.range(first, first + address.width()).stream().map(LedgerEntry::body).toList();
                return Optional.of(Tiles.bundle(bodies));
            }
            long available = size >> (Tiles.HEIGHT * address.level());
            if (address.index() * Tiles.WIDTH + address.width() > available) {
                return Optional.<byte[]>empty();
            }
            return Optional.of(tree.tile(address.level(), address.index(), address.width(), size));
        });
    }
}
