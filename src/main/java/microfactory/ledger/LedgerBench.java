package microfactory.ledger;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.Microfactory;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.MerkleTree;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;
import microfactory.ledger.verify.LedgerVerifier;
import microfactory.ledger.verify.LogSource;
import microfactory.ledger.verify.VerifyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench ledger}: each figure against a baseline measured in the same run, because these
 * machines are shared and noisy. Verification vs SHA-256 of the same bytes; durable appends vs plain
 * JDBC inserts of the same rows; proof latency vs one node hash.
 */
@Command(name = "ledger", description = "Benchmark the ledger: offline verification, durable appends, inclusion proofs.")
public final class LedgerBench implements Callable<Integer> {

    @Option(names = "--entries", description = "entries for the verification and proof runs (default ${DEFAULT-VALUE})")
    int entries = 1_000_000;

    @Option(names = "--appends", description = "appends for each append run (default ${DEFAULT-VALUE})")
    int appends = 20_000;

    @Option(names = "--rounds", description = "rounds of each timing; the best is reported (default ${DEFAULT-VALUE})")
    int rounds = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench ledger: %,d entries, %,d appends, best of %d rounds (verification after one warm-up), %d cores, Java %s%n", entries, appends, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<byte[]> log = BenchLogs.dues(entries);
        verification(out, log, "dues transfers");
        verification(out, BenchLogs.chapter(entries), "a chapter's mix");
        proofs(out, log);
        appends(out);
        return 0;
    }

    /** Verification of the log, against SHA-256 of its entries, one by one. */
    private void verification(PrintWriter out, List<byte[]> log, String what) throws Exception {
        long bytes = log.stream().mapToLong(b -> b.length).sum();
        out.printf("%s: %,d entries, %,d bytes (%.0f bytes each)%n", what, log.size(), bytes, (double) bytes / log.size());
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, byte[]> files = publish(log, "bench.example/ledger", key);
        LogSource memory = LogSource.memory(files);
        long baseline = Long.MAX_VALUE;
        long verify = Long.MAX_VALUE;
        VerifyResult result = LedgerVerifier.verify(memory, null, null); // warm-up, not timed: the JIT compiles the verifier
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            MessageDigest sha = Hashes.digest();
            byte[] sink = new byte[32];
            for (byte[] e : log) {
                byte[] d = sha.digest(e);
                sink[0] ^= d[0];
            }
            baseline = Math.min(baseline, System.nanoTime() - t0 + (sink[0] == 7 ? 0 : 0));
            t0 = System.nanoTime();
            result = LedgerVerifier.verify(memory, null, null);
            verify = Math.min(verify, System.nanoTime() - t0);
        }
        if (!result.ok()) {
            throw new IllegalStateException("the generated log does not verify: " + result.problem());
        }
        out.printf("  verify: %.3f s; SHA-256 of the same bytes: %.3f s; ratio %.2f (goal <= 2)%n",
                verify / 1e9, baseline / 1e9, (double) verify / baseline);
    }

    /** The files a chapter would serve for this log, in memory. */
    static Map<String, byte[]> publish(List<byte[]> log, String name, KeyPair key) {
        MerkleTree tree = new MerkleTree();
        log.forEach(e -> tree.appendLeafHash(Hashes.leaf(e)));
        Map<String, byte[]> files = new HashMap<>();
        for (Tiles.Address a : Tiles.forTree(log.size())) {
            int from = (int) (a.index() * Tiles.WIDTH);
            files.put(a.path(), a.entries() ? Tiles.bundle(log.subList(from, from + a.width()))
                    : tree.tile(a.level(), a.index(), a.width(), log.size()));
        }
        NoteKeys.Verifier v = NoteKeys.verifier(name, key.getPublic());
        files.put("key", bytes(v.vkey()));
        files.put("checkpoint", bytes(SignedNote.sign(new Checkpoint(name, log.size(), tree.root(log.size())).body(), name,
                key.getPrivate(), v.keyId())));
        return files;
    }

    private void proofs(PrintWriter out, List<byte[]> log) {
        MerkleTree tree = new MerkleTree();
        log.forEach(e -> tree.appendLeafHash(Hashes.leaf(e)));
        long size = tree.size();
        Random random = new Random(1);
        int samples = 200_000;
        for (int i = 0; i < 20_000; i++) {
            tree.inclusionProof(Math.floorMod(random.nextLong(), size), size); // warm up
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long index = Math.floorMod(random.nextLong(), size);
            long t0 = System.nanoTime();
            tree.inclusionProof(index, size);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        byte[] left = Hashes.leaf(log.get(0));
        long t0 = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            left = Hashes.node(left, left);
        }
        double nodeHash = (System.nanoTime() - t0) / 200_000.0;
        out.printf("inclusion proof at %,d leaves: p50 %.1f µs, p99 %.1f µs, max %.1f µs (goal p99 <= 1000 µs); "
                        + "one node hash %.2f µs, p99 = %.1f node hashes%n", size, nanos[samples / 2] / 1e3,
                nanos[samples * 99 / 100] / 1e3, nanos[samples - 1] / 1e3, nodeHash / 1e3, nanos[samples * 99 / 100] / nodeHash);
    }

    /** Durable appends through the real service on an embedded H2 file database, against plain JDBC inserts there. */
    private void appends(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("mf-bench-ledger");
        String url = "jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Microfactory.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).bannerMode(Banner.Mode.OFF)
                // As arguments, so they win over application.properties: the bench never touches ./data.
                .run("--spring.datasource.url=" + url, "--microfactory.demo.enabled=false",
                        "--microfactory.ledger.expiry-check=1h", "--logging.level.root=WARN")) {
            LedgerService ledger = context.getBean(LedgerService.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            DataSource db = context.getBean(DataSource.class);
            try (Connection c = db.getConnection()) {
                c.createStatement().execute("create table bench_rows (idx bigint primary key, kind varchar(60), body bytea, leaf_hash bytea, at timestamp with time zone)");
            }
            byte[] sample = BenchLogs.dues(3).get(2);
            int single = Math.min(appends, 5_000);
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            long next = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < single; i++) {
                    int n = i;
                    tx.executeWithoutResult(s -> ledger.record("bench.tick", Map.of("n", n, "member", "m-bench0001", "memo", "one by one")));
                }
                best[0] = Math.min(best[0], System.nanoTime() - t0);
                t0 = System.nanoTime();
                for (int from = 0; from < appends; from += 1_000) {
                    int start = from;
                    tx.executeWithoutResult(s -> {
                        for (int i = start; i < start + 1_000; i++) {
                            ledger.record("bench.tick", Map.of("n", i, "member", "m-bench0001", "memo", "batched"));
                        }
                    });
                }
                best[1] = Math.min(best[1], System.nanoTime() - t0);
                // Baseline: the same number of rows, of the same size, by plain JDBC, one commit each and in batches.
                try (Connection c = db.getConnection();
                     PreparedStatement ps = c.prepareStatement("insert into bench_rows values (?, ?, ?, ?, current_timestamp)")) {
                    c.setAutoCommit(true);
                    t0 = System.nanoTime();
                    for (int i = 0; i < single; i++) {
                        bind(ps, next++, sample);
                        ps.executeUpdate();
                    }
                    best[2] = Math.min(best[2], System.nanoTime() - t0);
                    c.setAutoCommit(false);
                    t0 = System.nanoTime();
                    for (int from = 0; from < appends; from += 1_000) {
                        for (int i = 0; i < 1_000; i++) {
                            bind(ps, next++, sample);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                    best[3] = Math.min(best[3], System.nanoTime() - t0);
                }
            }
            double oneByOne = single / (best[0] / 1e9);
            double batched = appends / (best[1] / 1e9);
            double jdbcOne = single / (best[2] / 1e9);
            double jdbcBatched = appends / (best[3] / 1e9);
            out.printf("durable appends, one per transaction: %,.0f/s; plain JDBC insert per commit: %,.0f/s; ratio %.2f%n",
                    oneByOne, jdbcOne, oneByOne / jdbcOne);
            out.printf("durable appends, 1,000 per transaction: %,.0f/s (goal >= 20,000/s); plain JDBC batch insert: %,.0f/s; ratio %.2f%n",
                    batched, jdbcBatched, batched / jdbcBatched);
            out.printf("the log then held %,d entries and verifies: %s%n", ledger.size(),
                    LedgerVerifier.verify(new LogSource() {
                        @Override
                        public byte[] read(String path) {
                            if (path.equals("checkpoint")) {
                                return bytes(ledger.checkpoint());
                            }
                            if (path.equals("key")) {
                                return bytes(ledger.verifierKey());
                            }
                            return Tiles.parse(path).flatMap(ledger::tile).orElse(null);
                        }

                        @Override
                        public String where(String path) {
                            return path;
                        }
                    }, null, null).ok());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void bind(PreparedStatement ps, long idx, byte[] body) throws SQLException {
        ps.setLong(1, idx);
        ps.setString(2, "bench.tick");
        ps.setBytes(3, body);
        ps.setBytes(4, Hashes.leaf(body));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
