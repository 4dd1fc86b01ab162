package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Our RFC 8785 writer against the RFC's own examples: the property sorting of section 3.2.3 (by UTF-16 code units,
 * so an emoji sorts before U+FB33) and the string and literal serialization of section 3.2.2. (The ledger's profile
 * allows whole numbers only, so the RFC's floating-point examples do not apply: such entries are refused.)
 */
class JcsRfc8785Test {

    private static String canonical(String json) {
        return new String(Jcs.recanonicalise(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void propertiesSortByUtf16CodeUnitsAsInSection323() {
        String input = """
                {
                   "\\u20ac": "Euro Sign",
                   "\\r": "Carriage Return",
                   "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                   "1": "One",
                   "\\ud83d\\ude00": "Emoji: Grinning Face",
                   "\\u0080": "Control",
                   "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void stringsAndLiteralsAsInSection322() {
        String input = "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void theCanonicalFormIsAFixedPoint() {
        String once = canonical("{\"b\": [1, {\"d\": 2, \"c\": 3}], \"a\": \"\\u00e9\"}");
        assertThat(canonical(once)).isEqualTo(once).isEqualTo("{\"a\":\"é\",\"b\":[1,{\"c\":3,\"d\":2}]}");
    }
}
