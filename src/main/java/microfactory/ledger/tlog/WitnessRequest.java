package microfactory.ledger.tlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: an {@code old N} line, at most 63 consistency proof lines
 * (base64 hashes), a blank line, then the signed checkpoint. Malformed bodies are refused with the reason (a 400).
 */
public record WitnessRequest(long oldSize, List<byte[]> proof, String checkpoint) {

    static final int MAX_PROOF = 63;

    public static WitnessRequest parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("the body is an old size line, proof lines, a blank line, then the checkpoint");
        }
        String[] head = body.substring(0, blank).split("\n", -1);
        if (!head[0].matches("old (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("the first line reads 'old <size>' in decimal without leading zeroes: " + head[0]);
        }
        long old;
        try {
            old = Long.parseLong(head[0].substring(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the old size is too large: " + head[0]);
        }
        if (head.length - 1 > MAX_PROOF) {
            throw new IllegalArgumentException("at most " + MAX_PROOF + " consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(head[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("proof line " + i + " is not base64");
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException("proof line " + i + " is not a 32-byte hash");
            }
            proof.add(hash);
        }
        return new WitnessRequest(old, List.copyOf(proof), body.substring(blank + 2));
    }

    /** The request a log sends: its last cosigned size, the proof from it, and the checkpoint. */
    public static String write(long oldSize, List<byte[]> proof, String checkpoint) {
        StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(h -> b.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return b.append('\n').append(checkpoint).toString();
    }
}
