package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one-pass reader accepts exactly what the canonicaliser writes. */
class CanonicalJsonTest {

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatJcsWrites() {
        String json = "{ \"b\": [1, true, null, -42], \"a\": \"é\\u0001\\n\\\"\", \"\\u20ac\": 2, \"1\": {}, \"z\": \"\" }";
        byte[] canonical = Jcs.recanonicalise(b(json));
        CanonicalJson.Obj m = (CanonicalJson.Obj) CanonicalJson.parse(canonical);
        assertThat(m.get("a")).isEqualTo("é\u0001\n\"");
        assertThat(m.get("b")).isEqualTo(List.of(1L, true, CanonicalJson.NULL, -42L));
        assertThat(m.get("€")).isEqualTo(2L);
    }

    @Test
    void refusesEveryNonCanonicalForm() {
        for (String bad : List.of("{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "{ \"a\":1}", "{\"a\":01}", "{\"a\":-0}",
                "{\"a\":1.0}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\u000A\"}", "{\"a\":\"\\/\"}", "[1,]", "{\"a\":1}x",
                "{\"a\":9007199254740992}", "\"\u0001\"", "{\"a\":tru}")) {
            assertThatThrownBy(() -> CanonicalJson.parse(b(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("canonical form");
        }
    }
}
