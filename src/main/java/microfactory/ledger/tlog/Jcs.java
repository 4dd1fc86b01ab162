package microfactory.ledger.tlog;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 8785 JSON canonicalisation for ledger entries: members sorted by UTF-16 code units, no white
 * space, ECMAScript string escaping. Numbers must be integers within ±(2^53 − 1), the range every JSON
 * reader keeps exactly; money is in minor units, so nothing else is needed.
 */
public final class Jcs {

    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Jcs() {
    }

    public static byte[] canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses bytes and returns their canonical form; throws with the reason when they are not JSON. */
    public static byte[] recanonicalise(byte[] bytes) {
        return canonical(JSON.readTree(bytes));
    }

    public static JsonNode parse(byte[] bytes) {
        return JSON.readTree(bytes);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey()); // String.compareTo compares UTF-16 code units, as RFC 8785 asks
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> it = node.values().iterator();
            for (int i = 0; it.hasNext(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(it.next(), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
                throw new IllegalArgumentException("integer " + value + " is outside ±(2^53 − 1)");
            }
            out.append(value);
        } else if (node.isNumber()) {
            double d = node.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) > MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("ledger entries hold whole numbers only, not " + node);
            }
            out.append((long) d);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
