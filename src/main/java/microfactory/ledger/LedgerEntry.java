package microfactory.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import microfactory.ledger.tlog.Hashes;

/** One log entry: its index, kind, the exact canonical bytes, and their leaf hash. */
public record LedgerEntry(long index, String kind, Instant recordedAt, byte[] body, byte[] leafHash) {

    public String json() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String leafHashBase64() {
        return Hashes.base64(leafHash);
    }
}
