package microfactory.ledger.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one line per signature,
 * "— name base64(keyID ‖ signature)".
 */
public record SignedNote(String text, List<Line> signatures) {

    private static final String DASH = "\u2014 ";

    public record Line(String name, int keyId, byte[] signature) {
    }

    public static String sign(String text, String name, PrivateKey key, int keyId) {
        checkText(text);
        byte[] sig = NoteKeys.sign(key, text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = ByteBuffer.allocate(4 + sig.length).putInt(keyId).put(sig).array();
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Splits a note into text and signature lines; throws with the reason when it is malformed. */
    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note needs a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (!block.endsWith("\n")) {
            throw new IllegalArgumentException("the last signature line must end with a newline");
        }
        List<Line> lines = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a signature line reads '— name signature': " + line);
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is not base64: " + line);
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("a signature is too short: " + line);
            }
            lines.add(new Line(parts[0], ByteBuffer.wrap(blob, 0, 4).getInt(),
                    Arrays.copyOfRange(blob, 4, blob.length)));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the note has no signature");
        }
        checkText(text);
        return new SignedNote(text, lines);
    }

    /** True when a signature by this verifier (same name and key ID) is on the note and valid. */
    public boolean verifiedBy(NoteKeys.Verifier verifier) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        return signatures.stream().anyMatch(l -> l.name().equals(verifier.name()) && l.keyId() == verifier.keyId()
                && verifier.verify(message, l.signature()));
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
    }
}
