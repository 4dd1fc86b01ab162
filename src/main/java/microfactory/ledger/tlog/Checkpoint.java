package microfactory.ledger.tlog;

import java.util.Base64;

/** A C2SP tlog-checkpoint body: origin, tree size and root hash, one per line. No timestamp. */
public record Checkpoint(String origin, long size, byte[] root) {

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** Reads the body of a (verified) note; throws with the reason when a line is wrong. */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the size line is not a number: " + lines[1]);
        }
        if (size < 0 || !lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("the size line is not a plain decimal: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash line is not base64");
        }
        if (root.length != Hashes.SIZE) {
            throw new IllegalArgumentException("the root hash is not 32 bytes");
        }
        return new Checkpoint(lines[0], size, root);
    }
}
