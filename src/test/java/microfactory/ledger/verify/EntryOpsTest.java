package microfactory.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import microfactory.ledger.tlog.CanonicalJson;
import microfactory.ledger.tlog.Jcs;

/**
 * Entries of a layout met before are read by a plan recorded the first time (ReadingPlan): over thousands of entries
 * that share a few layouts but differ in kinds, sides, signs, flags and strings, the operations are exactly those of
 * reading each entry afresh.
 */
class EntryOpsTest {

    private static final String[] KINDS = {"transfers", "transfers", "transfers", "account.opened", "transfer.expired", "badge.issued", "transferz"};
    private static final String[] SIDES = {"debit", "credit", "credit", "debit", "sideways"};
    private static final String[] WORDS = {"bank", "dues-income", "USD", "EUR", "m-42", "t-7", "a\"quote", "café"};

    @Test
    void aPlannedReadingIsTheFreshReading() {
        Random random = new Random(11);
        OpList planned = new OpList();
        EntryOps plannedReader = new EntryOps(planned);
        CanonicalJson learning = CanonicalJson.learning();
        int replayed = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] entry = entry(random);
            OpList fresh = new OpList();
            new EntryOps(fresh).read(new CanonicalJson().reset(entry, 0, entry.length));
            planned.clear();
            plannedReader.read(learning.reset(entry, 0, entry.length));
            replayed += learning.replaying() ? 1 : 0;
            assertThat(ops(planned)).as(new String(entry, StandardCharsets.UTF_8)).isEqualTo(ops(fresh));
        }
        assertThat(replayed).as("entries of a layout met before").isGreaterThan(10_000);
    }

    /** After other entries in the list, as in a bundle: a plan appends where the list ends. */
    @Test
    void plansAppendAfterWhatIsThere() {
        Random random = new Random(5);
        OpList planned = new OpList();
        OpList fresh = new OpList();
        EntryOps plannedReader = new EntryOps(planned);
        EntryOps freshReader = new EntryOps(fresh);
        CanonicalJson learning = CanonicalJson.learning();
        CanonicalJson cursor = new CanonicalJson();
        for (int n = 0; n < 3_000; n++) {
            byte[] entry = entry(random);
            freshReader.read(cursor.reset(entry, 0, entry.length));
            plannedReader.read(learning.reset(entry, 0, entry.length));
        }
        assertThat(planned.size()).isGreaterThan(10_000);
        assertThat(ops(planned)).isEqualTo(ops(fresh));
    }

    /** The operations read as a person would check them, strings spelled out from the entry's bytes. */
    @Test
    void theOperationsReadAsWords() {
        String entry = "{\"at\":\"2026-03-01T10:15:30.100Z\",\"kind\":\"transfers\",\"transfers\":[{\"id\":\"t-1\",\"pending\":true,"
                + "\"postings\":[{\"account\":\"bank\",\"amount\":500,\"currency\":\"USD\",\"side\":\"debit\"},"
                + "{\"account\":\"dues\",\"amount\":500,\"currency\":\"USD\",\"side\":\"credit\"}]}]}";
        byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
        OpList ops = new OpList();
        new EntryOps(ops).read(new CanonicalJson().reset(bytes, 0, bytes.length));
        assertThat(ops.describe(bytes)).isEqualTo("""
                TRANSFER id="t-1" pending postings=2
                POSTING debit "bank" 500 "USD"
                POSTING credit "dues" 500 "USD"
                END
                """);
        assertThat(ops.toString()).startsWith("TRANSFER id=@").contains("POSTING debit @");
        assertThat(ops.transferId(0, bytes)).isEqualTo("t-1");
    }

    private static List<Long> ops(OpList ops) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            out.add(ops.get(k));
        }
        return out;
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    /** A random entry, a few dozen layouts in all, the common ones far more often, written canonically. */
    static byte[] entry(Random random) {
        String kind = pick(random, KINDS);
        StringBuilder json = new StringBuilder("{");
        if (random.nextInt(20) > 0) {
            json.append("\"at\":\"2026-03-01T10:15:30.").append(100 + random.nextInt(900)).append("Z\",");
        }
        json.append("\"kind\":").append(quoted(kind));
        switch (kind) {
            case "transfers" -> {
                json.append(",\"transfers\":[");
                int transfers = random.nextInt(8) == 0 ? 2 : 1; // mostly one, as in a chapter's log
                for (int t = 0; t < transfers; t++) {
                    json.append(t > 0 ? "," : "").append("{\"id\":\"t-").append(random.nextInt(1_000_000)).append('"');
                    int mode = random.nextInt(12);
                    if (mode == 0) {
                        json.append(",\"pending\":true");
                    } else if (mode == 1) {
                        json.append(",\"post\":\"t-").append(random.nextInt(100)).append('"');
                    } else if (mode == 2) {
                        json.append(",\"void\":").append(quoted(pick(random, WORDS)));
                    }
                    json.append(",\"postings\":[");
                    int postings = random.nextInt(8) == 0 ? 1 : 2;
                    for (int p = 0; p < postings; p++) {
                        int amount = random.nextInt(12) == 0 ? -random.nextInt(3) : 1 + random.nextInt(500_000);
                        json.append(p > 0 ? "," : "").append("{\"account\":").append(quoted(pick(random, WORDS)))
                                .append(",\"amount\":").append(amount).append(",\"currency\":").append(quoted(pick(random, WORDS)))
                                .append(",\"side\":").append(quoted(pick(random, SIDES))).append('}');
                    }
                    json.append("]}");
                }
                json.append(']');
            }
            case "account.opened" -> {
                json.append(",\"account\":{\"code\":").append(quoted(pick(random, WORDS))).append(",\"currency\":").append(quoted(pick(random, WORDS)))
                        .append(",\"flags\":[");
                String[] flags = {"debits_must_not_exceed_credits", "credits_must_not_exceed_debits", "history"};
                int count = random.nextInt(3);
                for (int f = 0; f < count; f++) {
                    json.append(f > 0 ? "," : "").append(quoted(pick(random, flags)));
                }
                json.append("]}");
            }
            case "transfer.expired" -> json.append(",\"pending\":").append(quoted(pick(random, WORDS)));
            default -> {
                if (random.nextBoolean()) {
                    json.append(",\"data\":{\"badge\":\"weld-").append(random.nextInt(9)).append("\"}");
                }
            }
        }
        return Jcs.recanonicalise(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }
}
