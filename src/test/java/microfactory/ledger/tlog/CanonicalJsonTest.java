package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The one-pass cursor accepts exactly what the canonicaliser writes, and reads back every value. */
class CanonicalJsonTest {

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static CanonicalJson cursor(byte[] bytes) {
        return new CanonicalJson().reset(bytes, 0, bytes.length);
    }

    @Test
    void readsWhatJcsWrites() {
        String json = "{ \"b\": [1, true, null, -42], \"a\": \"é\\u0001\\n\\\"\", \"\\u20ac\": 2, \"1\": {}, \"z\": \"\", "
                + "\"\\ud83d\\ude00\": \"😀 a longer plain string past eight bytes\", \"\\uff61\": 3, \"transfers\": 9 }";
        byte[] canonical = Jcs.recanonicalise(b(json));
        CanonicalJson.check(canonical, 0, canonical.length);

        CanonicalJson c = cursor(canonical);
        CanonicalJson.Names names = new CanonicalJson.Names("a", "b", "transfers", "transfer");
        List<String> seen = new ArrayList<>();
        c.beginObject();
        while (c.nextMember()) {
            int name = c.name(names);
            if (name == 0) {
                c.string();
                seen.add("a=" + CanonicalJson.decode(canonical, c.stringStart(), c.stringEnd()));
            } else if (name == 1) {
                c.beginArray();
                List<Object> items = new ArrayList<>();
                while (c.nextItem()) {
                    items.add(c.next() == CanonicalJson.NUMBER ? (Object) c.number() : (Object) c.literal());
                }
                seen.add("b=" + items);
            } else if (name == 2) {
                seen.add("transfers=" + c.number());
            } else {
                c.skip();
            }
        }
        c.finish();
        assertThat(seen).containsExactly("a=é\u0001\n\"", "b=[1, " + CanonicalJson.TRUE + ", " + CanonicalJson.NULL + ", -42]", "transfers=9");
        // A supplementary character sorts before U+FF61 in UTF-16 order, though after it in code point order.
        assertThat(new String(canonical, StandardCharsets.UTF_8)).contains("\"\uD83D\uDE00\":\"😀 a longer plain string past eight bytes\",\"\uff61\":3");
    }

    @Test
    void refusesEveryNonCanonicalForm() {
        for (String bad : List.of("{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "{ \"a\":1}", "{\"a\":01}", "{\"a\":-0}",
                "{\"a\":1.0}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\u000A\"}", "{\"a\":\"\\u001F\"}", "{\"a\":\"\\/\"}", "[1,]",
                "{\"a\":1}x", "{\"a\":9007199254740992}", "\"\u0001\"", "{\"a\":tru}", "{\"a\":\"a plain start then \u0001\"}",
                "{\"\uff61\":1,\"\uD83D\uDE00\":2}", "[".repeat(300) + "]".repeat(300), "{\"a\":\"unterminated", "{\"!\":1,\"\":2}",
                "{\"transfers\":1,\"transfer\":2}", "{\"a\":1,}", "[1 2]", "{\"a\"1}", "")) {
            byte[] bytes = b(bad);
            assertThatThrownBy(() -> CanonicalJson.check(bytes, 0, bytes.length)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("canonical form");
        }
        byte[] ok = b("{\"\":1,\"!\":2,\"transfer\":3,\"transfers\":4}");
        CanonicalJson.check(ok, 0, ok.length);
    }

    @Test
    void refusesMalformedUtf8() {
        for (byte[] bad : List.of(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'},
                new byte[] {'"', (byte) 0x80, '"'})) {
            assertThatThrownBy(() -> CanonicalJson.check(bad, 0, bad.length)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("UTF-8");
        }
        byte[] good = b("\"€ and 😀\"");
        CanonicalJson c = cursor(good);
        c.string();
        c.finish();
        assertThat(CanonicalJson.decode(good, c.stringStart(), c.stringEnd())).isEqualTo("€ and 😀");
    }

    /** One cursor over many documents, as the verifier uses it: what it read before never lets a wrong order through. */
    @Test
    void aReusedCursorRefusesEveryWrongOrder() {
        CanonicalJson c = new CanonicalJson();
        List<String> verdicts = new ArrayList<>();
        for (String doc : List.of("{\"a\":1,\"b\":2,\"c\":{\"x\":1,\"y\":2}}", "{\"a\":1,\"b\":2,\"c\":{\"x\":1,\"y\":2}}",
                "{\"a\":1,\"c\":3,\"b\":2}", // out of order after a name that differs from the remembered one
                "{\"a\":1,\"x\":2,", // cut off after a new name took the second place
                "{\"a\":1,\"x\":2,\"c\":\"a long value\"}", // "x" then "c": wrong, though each name was seen at its place before
                "{\"a\":1,\"b\":2,\"c\":{\"y\":1,\"x\":2}}", "{\"a\":1,\"b\":2,\"c\":{\"x\":1,\"y\":2}}",
                "{\"averyveryverylongname\":1,\"averyveryverylongnamf\":2}", "{\"averyveryverylongname\":1,\"averyveryverylongnamf\":2}",
                "{\"averyveryverylongnamf\":1,\"averyveryverylongname\":2}")) {
            byte[] bytes = b(doc);
            try {
                c.reset(bytes, 0, bytes.length).skip();
                c.finish();
                verdicts.add("ok");
            } catch (IllegalArgumentException e) {
                verdicts.add(e.getMessage().contains("canonical order") ? "order" : "broken");
            }
        }
        assertThat(verdicts).containsExactly("ok", "ok", "order", "broken", "order", "order", "ok", "ok", "ok", "order");
    }

    private static final CanonicalJson.Names NAMES = new CanonicalJson.Names("at", "kind", "transfers", "id", "pending", "postings",
            "account", "amount", "currency", "side", "data", "badge", "tags", "a", "b");

    /** Every value and name a reader can see, in order, or the refusal: what two cursors must agree on. */
    static String trace(CanonicalJson c, byte[] doc) {
        StringBuilder seen = new StringBuilder();
        try {
            c.reset(doc, 0, doc.length);
            walk(c, seen);
            c.finish();
            return seen.toString();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static void walk(CanonicalJson c, StringBuilder seen) {
        switch (c.next()) {
            case CanonicalJson.OBJECT -> {
                c.beginObject();
                seen.append('{');
                while (c.nextMember()) {
                    int name = c.name(NAMES);
                    seen.append(name).append(':');
                    if (name < 0) {
                        c.skip(); // unknown names are skipped, as readers do: checked all the same
                        seen.append("skipped,");
                    } else {
                        walk(c, seen);
                    }
                }
                seen.append('}');
            }
            case CanonicalJson.ARRAY -> {
                c.beginArray();
                seen.append('[');
                while (c.nextItem()) {
                    walk(c, seen);
                }
                seen.append(']');
            }
            case CanonicalJson.STRING -> {
                c.string();
                seen.append('"').append(CanonicalJson.decode(c.bytes(), c.stringStart(), c.stringEnd())).append("\",");
            }
            case CanonicalJson.NUMBER -> seen.append(c.number()).append(',');
            default -> seen.append(c.literal()).append(',');
        }
    }

    /**
     * A learning cursor checks a document of a layout it met by the layout's frame and the values alone: on thousands
     * of documents a byte away from learnt ones (valid or not), it answers exactly as a fresh cursor does, verdict,
     * message and every value read.
     */
    @Test
    void aLearningCursorAnswersAsAFreshOne() {
        List<String> docs = List.of(
                "{\"at\":\"2026-01-01T00:00:00.000Z\",\"kind\":\"transfers\",\"transfers\":[{\"id\":\"t-1\",\"pending\":true,\"postings\":["
                        + "{\"account\":\"bank\",\"amount\":500,\"currency\":\"USD\",\"side\":\"debit\"},"
                        + "{\"account\":\"dues\",\"amount\":500,\"currency\":\"USD\",\"side\":\"credit\"}]}]}",
                "{\"at\":\"2026-01-01T00:00:00.000Z\",\"data\":{\"badge\":\"weld-1\",\"level\":-2,\"note\":null,\"ok\":false,"
                        + "\"tags\":[\"a\",\"b\",[],{}],\"x\":{\"y\":[1,2]}},\"kind\":\"badge.issued\"}",
                "{\"a\":\"é\\n\\u0001 ok\",\"b\":0}", "42", "\"x\"", "[]", "{}", "[true,false,null]");
        byte[] pool = b("0123456789-.eE\"\\,:{}[] aztnf\u0001");
        Random random = new Random(7);
        CanonicalJson fresh = new CanonicalJson();
        CanonicalJson learning = new CanonicalJson(true, true); // one that never gives up, though most of these are new layouts
        int replayed = 0;
        int refused = 0;
        for (String doc : docs) {
            byte[] base = b(doc);
            assertThat(trace(learning, base)).isEqualTo(trace(fresh, base)).doesNotStartWith("refused");
            for (int n = 0; n < 3000; n++) {
                byte[] mutated = mutate(base, pool, random);
                String expected = trace(fresh, mutated);
                assertThat(trace(learning, mutated)).as(new String(mutated, StandardCharsets.UTF_8)).isEqualTo(expected);
                replayed += learning.replaying() ? 1 : 0;
                refused += expected.startsWith("refused") ? 1 : 0;
                assertThat(trace(learning, base)).isEqualTo(trace(fresh, base)); // and the learnt layout still reads its own
            }
        }
        assertThat(replayed).as("documents checked by a learnt layout").isGreaterThan(2000);
        assertThat(refused).as("documents refused").isGreaterThan(5000);
    }

    /** One byte replaced, inserted or removed; inside a value (a letter for a letter, a digit for a digit) or anywhere. */
    private static byte[] mutate(byte[] base, byte[] pool, Random random) {
        if (base.length == 0) {
            return base;
        }
        int at = random.nextInt(base.length);
        byte[] out;
        switch (random.nextInt(4)) {
            case 0 -> { // likely still canonical: a lower-case letter or a digit changed for another of its kind
                out = base.clone();
                byte c = base[at];
                if (c >= 'a' && c <= 'z') {
                    out[at] = (byte) ('a' + random.nextInt(26));
                } else if (c >= '1' && c <= '9') {
                    out[at] = (byte) ('1' + random.nextInt(9));
                } else {
                    out[at] = pool[random.nextInt(pool.length)];
                }
            }
            case 1 -> {
                out = base.clone();
                out[at] = pool[random.nextInt(pool.length)];
            }
            case 2 -> {
                out = new byte[base.length + 1];
                System.arraycopy(base, 0, out, 0, at);
                out[at] = pool[random.nextInt(pool.length)];
                System.arraycopy(base, at, out, at + 1, base.length - at);
            }
            default -> {
                out = new byte[base.length - 1];
                System.arraycopy(base, 0, out, 0, at);
                System.arraycopy(base, at + 1, out, at, base.length - at - 1);
            }
        }
        return out;
    }

    /** A stream of ever-new layouts costs a learning cursor little: after a stretch of misses it stops trying layouts. */
    @Test
    void aLearningCursorGivesUpOnEverNewLayouts() {
        CanonicalJson learning = CanonicalJson.learning();
        int replayed = 0;
        for (int n = 0; n < 3000; n++) {
            byte[] doc = b("{\"k" + n + "\":" + n + "}");
            assertThat(trace(learning, doc)).isEqualTo(trace(new CanonicalJson(), doc));
            replayed += learning.replaying() ? 1 : 0;
        }
        assertThat(replayed).isZero();
        byte[] same = b("{\"a\":1}");
        for (int n = 0; n < 10; n++) {
            assertThat(trace(learning, same)).isEqualTo("{13:1,}");
            assertThat(learning.replaying()).isFalse();
        }
        CanonicalJson fresh = CanonicalJson.learning(); // while a fresh one learns it at once
        trace(fresh, same);
        trace(fresh, same);
        assertThat(fresh.replaying()).isTrue();
    }
}
