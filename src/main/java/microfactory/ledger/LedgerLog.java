package microfactory.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.MerkleTree;

/**
 * The append path of the public log. Appends happen inside the caller's database transaction, one
 * writer at a time (the writer lock is held until that transaction ends), so indexes are gapless and
 * an entry is in the log exactly when its transaction committed. The in-memory Merkle tree only ever
 * holds committed entries; it is rebuilt from the database on start, so a crash loses nothing acknowledged.
 */
@Component
class LedgerLog {

    private final ReentrantLock writer = new ReentrantLock(true);
    private final ReentrantReadWriteLock treeLock = new ReentrantReadWriteLock();
    private final EntryRepository entries;
    private final Clock clock;
    private MerkleTree tree;
    private long next;

    /** What the current transaction has appended, so the tree can follow it on commit. */
    private static final class Appends {
        final long first;
        final List<byte[]> leaves = new ArrayList<>();
        final List<EntryRepository.Row> unwritten = new ArrayList<>();

        Appends(long first) {
            this.first = first;
        }
    }

    LedgerLog(EntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Takes the writer lock for the rest of the current transaction. Ledger writes call this before
     * touching any ledger row, so a writer never waits for the lock while holding row locks.
     */
    void lockForAppend() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("ledger appends happen inside a transaction");
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        if (writer.isHeldByCurrentThread()) {
            throw new IllegalStateException("a nested transaction cannot append while its outer one holds the log");
        }
        writer.lock();
        try {
            loadIfNeeded();
            Appends appends = new Appends(next);
            TransactionSynchronizationManager.bindResource(this, appends);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    LedgerLog.this.flush(appends);
                }

                @Override
                public void afterCompletion(int status) {
                    finish(appends, status);
                }
            });
        } catch (RuntimeException e) {
            writer.unlock();
            throw e;
        }
    }

    private void finish(Appends appends, int status) {
        try {
            TransactionSynchronizationManager.unbindResourceIfPossible(this);
            if (appends.leaves.isEmpty()) {
                return;
            }
            treeLock.writeLock().lock();
            try {
                if (status == TransactionSynchronization.STATUS_COMMITTED) {
                    appends.leaves.forEach(tree::appendLeafHash);
                } else if (status == TransactionSynchronization.STATUS_ROLLED_BACK) {
                    next = appends.first;
                } else {
                    tree = null; // outcome unknown: read the truth back from the database
                }
            } finally {
                treeLock.writeLock().unlock();
            }
        } finally {
            writer.unlock();
        }
    }

    /** Appends canonical entry bytes; returns the index. The entry is public once the transaction commits. */
    long append(String kind, byte[] body) {
        lockForAppend();
        Appends appends = (Appends) TransactionSynchronizationManager.getResource(this);
        long index = next++;
        byte[] leaf = Hashes.leaf(body);
        appends.unwritten.add(new EntryRepository.Row(index, kind, body, leaf, clock.instant()));
        appends.leaves.add(leaf);
        if (appends.unwritten.size() >= 1_000) {
            flush(appends);
        }
        return index;
    }

    /**
     * Writes the transaction's entries so far in one batch; called before commit (and every 1,000 entries),
     * so a commit never succeeds without its entries. Entries appended in a transaction are readable once flushed.
     */
    private void flush(Appends appends) {
        if (!appends.unwritten.isEmpty()) {
            entries.insertAll(appends.unwritten);
            appends.unwritten.clear();
        }
    }

    /** Makes this transaction's own appends visible to its own reads. */
    void flushCurrent() {
        Object appends = TransactionSynchronizationManager.getResource(this);
        if (appends != null) {
            flush((Appends) appends);
        }
    }

    /** Runs a read of the committed tree. */
    <T> T read(Function<MerkleTree, T> reader) {
        treeLock.readLock().lock();
        try {
            if (tree != null) {
                return reader.apply(tree);
            }
        } finally {
            treeLock.readLock().unlock();
        }
        writer.lock(); // first use, or after an unknown outcome: load under the writer lock
        try {
            loadIfNeeded();
        } finally {
            writer.unlock();
        }
        return read(reader);
    }

    long size() {
        return read(MerkleTree::size);
    }

    private void loadIfNeeded() {
        treeLock.writeLock().lock();
        try {
            if (tree != null) {
                return;
            }
            MerkleTree loaded = new MerkleTree();
            entries.forEachLeafHash((index, leaf) -> {
                if (index != loaded.size()) {
                    throw new IllegalStateException("the ledger has a gap at index " + loaded.size());
                }
                loaded.appendLeafHash(leaf);
            });
            tree = loaded;
            next = loaded.size();
            entries.indexMembersIfMissing();
        } finally {
            treeLock.writeLock().unlock();
        }
    }
}
