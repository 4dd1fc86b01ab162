package microfactory.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import microfactory.ledger.verify.LedgerVerifier;
import microfactory.ledger.verify.LogSource;
import microfactory.ledger.verify.VerifyResult;

/**
 * The verifier on a chapter's mix of entries (the one {@code bench ledger} times): it verifies, and an entry changed
 * late in the log, in a layout the verifier has met many times and reads by plan, is named, whatever the change.
 */
class ChapterLogVerifyTest {

    static VerifyResult verify(List<byte[]> log) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, byte[]> files = LedgerBench.publish(log, "test.example/ledger", key); // hashes of what is there
        return LedgerVerifier.verify(LogSource.memory(files), null, null);
    }

    /** The index of the first entry from {@code from} on that contains {@code marker}. */
    static int find(List<byte[]> log, int from, String marker) {
        for (int i = from; i < log.size(); i++) {
            if (new String(log.get(i), StandardCharsets.UTF_8).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("no entry with " + marker);
    }

    /** Changes the first entry from {@code from} on that contains {@code marker}; returns its index. */
    static int change(List<byte[]> log, int from, String marker, UnaryOperator<String> how) {
        int i = find(log, from, marker);
        String entry = new String(log.get(i), StandardCharsets.UTF_8);
        String changed = how.apply(entry);
        assertThat(changed).isNotEqualTo(entry);
        log.set(i, changed.getBytes(StandardCharsets.UTF_8));
        return i;
    }

    @Test
    void aChapterMixVerifies() throws Exception {
        VerifyResult r = verify(BenchLogs.chapter(5_000));
        assertThat(r.ok()).as(r.problem()).isTrue();
        assertThat(r.size()).isEqualTo(5_000);
    }

    @Test
    void eachChangeLateInTheLogIsNamedAtItsEntry() throws Exception {
        List<String> problems = new ArrayList<>();
        List<UnaryOperator<String>> changes = List.of(
                e -> e.replaceFirst("\"amount\":(\\d+),", "\"amount\":1$1,"), // one posting more: unbalanced
                e -> e.replaceFirst("\"currency\":\"USD\",\"side\":\"credit\"", "\"currency\":\"EUR\",\"side\":\"credit\""), // a string the layout holds
                e -> e.replaceFirst("\"side\":\"debit\"", "\"side\":\"debet\""), // neither debit nor credit
                e -> e.replaceFirst("\"amount\":(\\d+),\"currency\":\"USD\",\"side\":\"debit\"", "\"side\":\"debit\",\"amount\":$1,\"currency\":\"USD\""), // order
                e -> e.replaceFirst("\"amount\":(\\d+),", "\"amount\":$1.0,"), // not a whole number
                e -> e.replaceFirst("\"memo\":\"Full member dues\"", "\"memo\":\"Full member dues\\\\u0041\"")); // not the canonical escape
        for (UnaryOperator<String> how : changes) {
            List<byte[]> log = BenchLogs.chapter(5_000);
            int at = change(log, 4_000, "\"code\":\"dues\"", how);
            VerifyResult r = verify(log);
            assertThat(r.ok()).isFalse();
            assertThat(r.problem()).startsWith("entry " + at + " (");
            problems.add(r.problem().replaceFirst("^entry \\d+ \\([^)]*\\): ", ""));
        }
        assertThat(problems.get(0)).contains("does not balance in USD");
        assertThat(problems.get(1)).contains("posts EUR to account 'dues-income', which holds USD");
        assertThat(problems.get(2)).contains("neither debit nor credit");
        assertThat(problems.subList(3, 6)).allSatisfy(p -> assertThat(p).contains("canonical form"));
        // A settled pledge settled again, late in the log.
        List<byte[]> log = BenchLogs.chapter(5_000);
        int first = find(log, 4_000, "\"post\":\"pledge-");
        String settled = new String(log.get(first), StandardCharsets.UTF_8).replaceFirst(".*\"post\":\"(pledge-\\d+)\".*", "$1");
        int again = change(log, first + 1, "\"post\":\"pledge-", e -> e.replaceFirst("\"post\":\"pledge-\\d+\"", "\"post\":\"" + settled + "\""));
        VerifyResult r = verify(log);
        assertThat(r.problem()).startsWith("entry " + again + " (").contains("settles '" + settled + "', which is not an open pending transfer");
    }
}
