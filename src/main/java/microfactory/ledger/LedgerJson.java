package microfactory.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import microfactory.common.InvalidInputException;
import microfactory.ledger.tlog.Jcs;
import microfactory.ledger.tlog.Tiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds entry bodies: canonical JSON (RFC 8785), public by design, so never an email address. */
final class LedgerJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"]+@[^\\s@\"]+\\.[A-Za-z]{2,}");

    private LedgerJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode tree(Map<String, ?> data) {
        return JSON.valueToTree(data);
    }

    /** The canonical bytes of an entry, refused if it would publish an email address or is too large for a tile bundle. */
    static byte[] entry(ObjectNode body) {
        byte[] bytes;
        try {
            bytes = Jcs.canonical(body);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("entry", e.getMessage());
        }
        if (EMAIL.matcher(new String(bytes, StandardCharsets.UTF_8)).find()) {
            throw InvalidInputException.of("entry", "the ledger is public: name members by their public id, never by email");
        }
        if (bytes.length > Tiles.MAX_ENTRY_BYTES) {
            throw InvalidInputException.of("entry", "an entry holds at most 65,535 bytes; split the batch");
        }
        return bytes;
    }
}
