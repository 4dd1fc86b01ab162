package microfactory.ledger.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

import microfactory.ledger.tlog.CanonicalJson;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.MerkleTree;
import microfactory.ledger.tlog.Tiles;

/**
 * Checks every entry bundle on every core and replays them in order: each thread takes the next unclaimed
 * bundle, checks it (framing, canonical form, hashes), and then, if it finds the bundle the books wait for
 * ready, applies it and any ready after it. No thread waits for another while there is work, and the books
 * and the tree still see the entries in log order. Stops at the first problem in log order.
 */
final class Replay {

    private final LogSource source;
    private final long size;
    private final long bundles;
    private final LedgerVerifier.Progress progress;
    private final MerkleTree tree = new MerkleTree();
    private final Books books;

    private final AtomicLong claimed = new AtomicLong();
    private final AtomicReferenceArray<Bundle> checked;
    private final Queue<OpList> spare = new ConcurrentLinkedQueue<>(); // operation lists the books are done with
    private final ReentrantLock inOrder = new ReentrantLock();
    private volatile long next; // the bundle the books wait for; written under inOrder
    private volatile String problem;
    private long problemAt; // where the problem lies: a TransferIds position
    private volatile boolean stop;

    Replay(LogSource source, long size, LedgerVerifier.Progress progress) {
        this.source = source;
        this.size = size;
        this.bundles = (size + Tiles.WIDTH - 1) / Tiles.WIDTH;
        this.progress = progress;
        this.books = new Books(size);
        this.checked = new AtomicReferenceArray<>((int) bundles);
    }

    MerkleTree tree() {
        return tree;
    }

    Books books() {
        return books;
    }

    /** Runs to the end or the first problem; returns the problem, or null when every bundle was applied. */
    String run() throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ledger-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                workers.add(pool.submit(() -> {
                    try {
                        work();
                    } catch (IOException | RuntimeException e) {
                        stop = true;
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("verification was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        drain(); // whatever the last worker left ready
        if (problem == null && tree.size() != size) {
            throw new IllegalStateException("replayed " + tree.size() + " of " + size + " entries");
        }
        long repeat = books.transferIds().firstRepeat(this::idAt);
        if (repeat >= 0 && (problem == null || repeat <= problemAt)) {
            long entry = TransferIds.entry(repeat);
            problem = "entry " + entry + " (" + Tiles.Address.entries(entry / Tiles.WIDTH, width(entry / Tiles.WIDTH)).path()
                    + "): transfer '" + idAt(repeat) + "' appears twice";
        }
        if (progress != null && problem == null) {
            progress.at(size, size);
        }
        return problem;
    }

    private void work() throws IOException {
        while (!stop) {
            long n = claimed.getAndIncrement();
            if (n >= bundles) {
                return;
            }
            Tiles.Address address = Tiles.Address.entries(n, width(n));
            OpList ops = spare.poll();
            Bundle bundle = new Bundle(address, source.read(address.path()), ops != null ? ops : new OpList());
            if (!bundle.missing) {
                bundle.check();
                if (bundle.fileProblem == null && bundle.entryProblem == null) {
                    // The leaf tile over these entries must hold exactly their hashes: compared here, on every core.
                    Tiles.Address tile = new Tiles.Address(0, n, address.width());
                    bundle.tileProblem = LedgerVerifier.tileProblem(source, tile, source.read(tile.path()), bundle.hashes, 0).orElse(null);
                }
            }
            checked.set((int) n, bundle);
            drain();
        }
    }

    /** Applies ready bundles in order, if no other thread is doing so. */
    private void drain() {
        while (!stop && next < bundles && checked.get((int) next) != null) {
            if (!inOrder.tryLock()) {
                return; // the holder looks again after letting go, so it applies what this thread made ready
            }
            try {
                long before = tree.size();
                while (!stop && next < bundles && checked.get((int) next) != null) {
                    Bundle bundle = checked.getAndSet((int) next, null);
                    String why = apply(bundle);
                    if (why != null) {
                        problem = why;
                        stop = true;
                    }
                    next = next + 1;
                }
                if (progress != null && tree.size() / PROGRESS_STEP != before / PROGRESS_STEP) {
                    progress.at(tree.size(), size);
                }
            } finally {
                inOrder.unlock();
            }
            // Another thread may have made the next bundle ready just before the lock was let go: the loop looks again.
        }
    }

    private static final long PROGRESS_STEP = 64 * Tiles.WIDTH;

    private int width(long bundle) {
        return (int) Math.min(Tiles.WIDTH, size - bundle * Tiles.WIDTH);
    }

    /** The id of the transfer at a position, read again from its bundle: only to confirm a repeat, so rarely. */
    private String idAt(long position) {
        long entry = TransferIds.entry(position);
        Tiles.Address address = Tiles.Address.entries(entry / Tiles.WIDTH, width(entry / Tiles.WIDTH));
        try {
            byte[] bytes = source.read(address.path());
            int at = 0;
            for (long k = entry % Tiles.WIDTH; k > 0; k--) {
                at += 2 + (((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF));
            }
            int length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            OpList ops = new OpList();
            new EntryOps(ops).read(new CanonicalJson().reset(bytes, at + 2, at + 2 + length));
            return ops.transferId(TransferIds.transfer(position), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One bundle's books and tree, in log order; returns its first problem or null. */
    private String apply(Bundle bundle) {
        problemAt = TransferIds.position(bundle.index(0), 0);
        if (bundle.missing) {
            return source.where(bundle.address.path()) + ": missing";
        }
        if (bundle.fileProblem != null) {
            return source.where(bundle.address.path()) + ": " + bundle.fileProblem;
        }
        for (int i = 0; i < bundle.parsed; i++) {
            String why = books.apply(bundle.ops, bundle.opsStart[i], bundle.opsStart[i + 1], bundle.bytes, bundle.index(i));
            if (why != null) {
                problemAt = books.problemAt();
                return "entry " + bundle.index(i) + " (" + bundle.address.path() + "): " + why;
            }
        }
        spare.offer(bundle.ops);
        if (bundle.entryProblem != null) {
            problemAt = TransferIds.position(bundle.index(bundle.parsed), 0);
            return "entry " + bundle.index(bundle.parsed) + " (" + bundle.address.path() + "): " + bundle.entryProblem;
        }
        if (bundle.tileProblem != null) {
            problemAt = TransferIds.position(bundle.index(bundle.address.width() - 1), 0xFFFF); // after its entries' own
            return bundle.tileProblem;
        }
        if (bundle.address.width() == Tiles.WIDTH) {
            tree.appendTile(bundle.hashes);
        } else {
            for (int i = 0; i < bundle.address.width(); i++) {
                tree.appendLeafHash(Arrays.copyOfRange(bundle.hashes, i * Hashes.SIZE, (i + 1) * Hashes.SIZE));
            }
        }
        return null;
    }
}
