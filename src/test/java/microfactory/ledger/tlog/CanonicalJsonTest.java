package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
}
