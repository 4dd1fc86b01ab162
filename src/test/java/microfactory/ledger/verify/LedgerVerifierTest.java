package microfactory.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import microfactory.ledger.tlog.NoteKeys;

/** The offline verifier on logs written by hand: good ones pass, every kind of tampering is named. */
class LedgerVerifierTest {

    @TempDir Path dir;
    KeyPair key;
    static final String NAME = "test.example/ledger";

    @BeforeEach
    void key() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> books(int transfers, String memo) {
        List<byte[]> entries = new ArrayList<>();
        entries.add(json("{\"account\":{\"code\":\"bank\",\"currency\":\"USD\",\"flags\":[\"credits_must_not_exceed_debits\"],\"name\":\"Bank\",\"type\":\"ASSET\"},\"at\":\"2026-01-01T00:00:00Z\",\"kind\":\"account.opened\"}"));
        entries.add(json("{\"account\":{\"code\":\"dues\",\"currency\":\"USD\",\"flags\":[],\"name\":\"Dues\",\"type\":\"INCOME\"},\"at\":\"2026-01-01T00:00:00Z\",\"kind\":\"account.opened\"}"));
        for (int i = 0; i < transfers; i++) {
            entries.add(json("{\"at\":\"2026-01-02T00:00:00Z\",\"kind\":\"transfers\",\"transfers\":[{\"code\":\"dues\",\"id\":\"t" + i
                    + "\",\"memo\":\"" + memo + "\",\"postings\":[{\"account\":\"bank\",\"amount\":500000,\"currency\":\"USD\",\"side\":\"debit\"},"
                    + "{\"account\":\"dues\",\"amount\":500000,\"currency\":\"USD\",\"side\":\"credit\"}]}]}"));
        }
        return entries;
    }

    VerifyResult verify(Path folder, String trusted) throws Exception {
        return LedgerVerifier.verify(LogSource.of(folder.toString()), trusted, null);
    }

    @Test
    void aGoodLogAcrossSeveralTilesVerifies() throws Exception {
        LogFolder.write(dir, books(600, "dues"), NAME, key.getPrivate(), key.getPublic());
        VerifyResult r = verify(dir, null);
        assertThat(r.ok()).as(r.problem()).isTrue();
        assertThat(r.size()).isEqualTo(602);
        assertThat(String.join("\n", r.facts())).contains("debits 300000000 = credits 300000000");
    }

    @Test
    void anEmptyLogAndOneOfExactlyOneTileVerify() throws Exception {
        LogFolder.write(dir.resolve("empty"), List.of(), NAME, key.getPrivate(), key.getPublic());
        VerifyResult empty = verify(dir.resolve("empty"), null);
        assertThat(empty.ok()).as(empty.problem()).isTrue();
        assertThat(empty.size()).isZero();

        LogFolder.write(dir.resolve("tile"), books(254, "dues"), NAME, key.getPrivate(), key.getPublic());
        VerifyResult tile = verify(dir.resolve("tile"), null);
        assertThat(tile.ok()).as(tile.problem()).isTrue();
        assertThat(tile.size()).isEqualTo(256);
    }

    @Test
    void aRewrittenHistoryIsCaughtAgainstTheTrustedCheckpoint() throws Exception {
        Path before = dir.resolve("before");
        String trusted = LogFolder.write(before, books(20, "dues"), NAME, key.getPrivate(), key.getPublic());
        Path after = dir.resolve("after");
        // The operator rewrites an old entry and re-signs: on its own the new log looks fine...
        List<byte[]> rewritten = books(30, "dues");
        rewritten.set(5, books(5, "DUES WAIVED").get(5));
        LogFolder.write(after, rewritten, NAME, key.getPrivate(), key.getPublic());
        assertThat(verify(after, null).ok()).isTrue();
        // ...but not against what an auditor trusted before.
        VerifyResult r = verify(after, trusted);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("does not extend the trusted one of 22 entries");

        LogFolder.write(dir.resolve("honest"), books(30, "dues"), NAME, key.getPrivate(), key.getPublic());
        assertThat(verify(dir.resolve("honest"), trusted).ok()).isTrue();
    }

    @Test
    void aLogSignedByAnotherKeyOrWithAMissingFileFails() throws Exception {
        LogFolder.write(dir, books(3, "dues"), NAME, key.getPrivate(), key.getPublic());
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(dir.resolve("key"), NoteKeys.verifier(NAME, other.getPublic()).vkey());
        assertThat(verify(dir, null).problem()).contains("checkpoint").contains("no valid signature");

        Path second = dir.resolve("second");
        LogFolder.write(second, books(3, "dues"), NAME, key.getPrivate(), key.getPublic());
        Files.delete(second.resolve("tile/0/000.p/5"));
        assertThat(verify(second, null).problem()).endsWith("tile/0/000.p/5: missing");
    }

    @Test
    void entriesThatAreNotCanonicalOrBreakTheBooksAreNamedByIndex() throws Exception {
        List<byte[]> notCanonical = books(3, "dues");
        notCanonical.set(3, json("{\"kind\":\"transfers\",\"at\":\"2026-01-02T00:00:00Z\",\"transfers\":[]}"));
        LogFolder.write(dir.resolve("a"), notCanonical, NAME, key.getPrivate(), key.getPublic());
        assertThat(verify(dir.resolve("a"), null).problem()).startsWith("entry 3 ").contains("canonical");

        List<byte[]> overdrawn = books(1, "dues");
        overdrawn.add(json("{\"at\":\"2026-01-03T00:00:00Z\",\"kind\":\"transfers\",\"transfers\":[{\"code\":\"refund\",\"id\":\"r1\","
                + "\"postings\":[{\"account\":\"bank\",\"amount\":900000,\"currency\":\"USD\",\"side\":\"credit\"},"
                + "{\"account\":\"dues\",\"amount\":900000,\"currency\":\"USD\",\"side\":\"debit\"}]}]}"));
        LogFolder.write(dir.resolve("b"), overdrawn, NAME, key.getPrivate(), key.getPublic());
        assertThat(verify(dir.resolve("b"), null).problem()).startsWith("entry 3 ").contains("'bank' goes below zero");

        List<byte[]> wrongCurrency = books(1, "dues");
        wrongCurrency.set(2, new String(wrongCurrency.get(2), StandardCharsets.UTF_8).replace("USD", "EUR").getBytes(StandardCharsets.UTF_8));
        LogFolder.write(dir.resolve("c"), wrongCurrency, NAME, key.getPrivate(), key.getPublic());
        assertThat(verify(dir.resolve("c"), null).problem()).startsWith("entry 2 ").contains("holds USD");

        List<byte[]> unbalanced = books(1, "dues");
        unbalanced.add(json("{\"at\":\"2026-01-03T00:00:00Z\",\"kind\":\"transfers\",\"transfers\":[{\"code\":\"dues\",\"id\":\"u1\","
                + "\"postings\":[{\"account\":\"bank\",\"amount\":500000,\"currency\":\"USD\",\"side\":\"debit\"},"
                + "{\"account\":\"dues\",\"amount\":400000,\"currency\":\"USD\",\"side\":\"credit\"}]}]}"));
        LogFolder.write(dir.resolve("d"), unbalanced, NAME, key.getPrivate(), key.getPublic());
        assertThat(verify(dir.resolve("d"), null).problem()).startsWith("entry 3 ")
            .contains("does not balance in USD: debits 500000, credits 400000");
    }

    static byte[] transfer(String id, String extra, long amount) {
        return json("{\"at\":\"2026-01-03T00:00:00Z\",\"kind\":\"transfers\",\"transfers\":[{\"code\":\"pledge\",\"id\":\"" + id + "\""
                + extra + ",\"postings\":[{\"account\":\"bank\",\"amount\":" + amount + ",\"currency\":\"USD\",\"side\":\"debit\"},"
                + "{\"account\":\"dues\",\"amount\":" + amount + ",\"currency\":\"USD\",\"side\":\"credit\"}]}]}");
    }

    static byte[] settle(String id, String how, String pending) {
        return json("{\"at\":\"2026-01-04T00:00:00Z\",\"kind\":\"transfers\",\"transfers\":[{\"code\":\"pledge\",\"id\":\"" + id
                + "\",\"" + how + "\":\"" + pending + "\"}]}");
    }

    String problemOf(String folder, List<byte[]> entries) throws Exception {
        LogFolder.write(dir.resolve(folder), entries, NAME, key.getPrivate(), key.getPublic());
        VerifyResult r = verify(dir.resolve(folder), null);
        return r.ok() ? "ok: " + String.join("; ", r.facts()) : r.problem();
    }

    @Test
    void pendingTransfersSettleOnceAndOnlyPostedAmountsCount() throws Exception {
        List<byte[]> log = books(1, "dues");
        log.add(transfer("p1", ",\"pending\":true", 7000));
        log.add(transfer("p2", ",\"pending\":true", 300));
        log.add(transfer("p3", ",\"pending\":true", 50));
        log.add(settle("s1", "post", "p1"));
        log.add(settle("s2", "void", "p2"));
        log.add(json("{\"at\":\"2026-01-05T00:00:00Z\",\"kind\":\"transfer.expired\",\"pending\":\"p3\"}"));
        log.add(json("{\"at\":\"2026-01-05T00:00:00Z\",\"data\":{\"member\":\"m-1\",\"skill\":\"welding\"},\"kind\":\"badge.issued\"}"));
        assertThat(problemOf("good", log)).startsWith("ok").contains("USD: debits 507000 = credits 507000")
                .contains("2 accounts, 0 pending transfers open");

        List<byte[]> twice = new ArrayList<>(log);
        twice.add(settle("s3", "post", "p1"));
        assertThat(problemOf("twice", twice)).startsWith("entry 10 ").contains("settles 'p1', which is not an open pending transfer");

        List<byte[]> reused = new ArrayList<>(log);
        reused.add(transfer("p2", "", 10));
        assertThat(problemOf("reused", reused)).startsWith("entry 10 ").contains("transfer 'p2' appears twice");

        List<byte[]> noData = new ArrayList<>(log);
        noData.add(json("{\"at\":\"2026-01-05T00:00:00Z\",\"kind\":\"badge.issued\"}"));
        assertThat(problemOf("nodata", noData)).startsWith("entry 10 ").contains("carries a \"data\" object");

        // A pending debit counts against a flagged account at once: the bank may not promise what it lacks.
        List<byte[]> promised = books(0, "dues");
        promised.add(json(new String(transfer("p9", ",\"pending\":true", 10), StandardCharsets.UTF_8)
                .replace("\"debit\"", "\"x\"").replace("\"credit\"", "\"debit\"").replace("\"x\"", "\"credit\"")));
        assertThat(problemOf("promised", promised)).startsWith("entry 2 ").contains("'bank' goes below zero");
    }

    @Test
    void acrossManyBundlesTheFirstProblemInLogOrderIsNamed() throws Exception {
        List<byte[]> log = books(3000, "dues");
        log.set(2801, transfer("late", "", 5).clone());
        byte[] unbalanced = new String(log.get(2801), StandardCharsets.UTF_8).replaceFirst("\"amount\":5,", "\"amount\":6,")
                .getBytes(StandardCharsets.UTF_8);
        log.set(2801, unbalanced);
        assertThat(problemOf("late", log)).startsWith("entry 2801 (tile/entries/010)").contains("does not balance");

        log.set(700, json("{\"kind\":\"transfers\",\"at\":\"2026-01-02T00:00:00Z\",\"transfers\":[]}"));
        assertThat(problemOf("early", log)).startsWith("entry 700 (tile/entries/002)").contains("canonical");
    }

    @Test
    void aFlippedByteInAnyEntryTileOrCheckpointFailsAndIsNamed() throws Exception {
        Path clean = dir.resolve("clean");
        LogFolder.write(clean, books(600, "dues"), NAME, key.getPrivate(), key.getPublic());
        List<Path> files;
        try (var walk = Files.walk(clean)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("key")).sorted().toList();
        }
        assertThat(files.stream().map(f -> clean.relativize(f).toString().replace('\\', '/'))).contains("checkpoint",
                "tile/entries/000", "tile/entries/002.p/90", "tile/0/001", "tile/0/002.p/90", "tile/1/000.p/2");
        int checked = 0;
        for (Path file : files) {
            String name = clean.relativize(file).toString().replace('\\', '/');
            byte[] original = Files.readAllBytes(file);
            for (int at : new int[] {0, original.length / 3, original.length / 2, original.length - 1}) {
                byte[] flipped = original.clone();
                flipped[at] ^= 0x01;
                Files.write(file, flipped);
                VerifyResult r = verify(clean, null);
                Files.write(file, original);
                assertThat(r.ok()).as(name + " byte " + at).isFalse();
                // An entry bundle is named by its path, or by its leaf tile whose hash no longer matches it.
                String bundle = name.startsWith("tile/entries/") ? name.substring("tile/entries/".length(), "tile/entries/".length() + 3) : null;
                assertThat(r.problem()).as(name + " byte " + at).containsPattern(bundle == null ? Pattern.quote(name)
                        : "tile/(entries|0)/" + bundle);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(files.size() * 4);
        assertThat(verify(clean, null).ok()).isTrue();
    }
}
