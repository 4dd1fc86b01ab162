package microfactory.network;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a chapter says of itself at {@code /.well-known/microfactory}, signed by its ledger key (the note at
 * {@code /.well-known/microfactory.sig}): who it is, where its ledger, witness, kit and designs are, whom it follows,
 * and where it came from. Another chapter follows it by this, pinning its keys.
 */
public record ChapterDescription(String format, String name, String site, String region, Place place, String publicUrl, Ledger ledger,
                                 Witness witness, String kit, String designs, List<String> follows, Lineage lineage) {

    /** Where the chapter is, when its stewards said: degrees north and east (WGS 84). */
    public record Place(BigDecimal latitude, BigDecimal longitude) {
    }

    public static final String FORMAT = "microfactory-chapter/1";

    /** The ledger's origin, its verifier key, and where its signed checkpoint is. */
    public record Ledger(String origin, String key, String checkpoint) {
    }

    /** The chapter's witness: its cosigner key (C2SP tlog-cosignature, Ed25519) and where to submit a checkpoint. */
    public record Witness(String key, String addCheckpoint) {
    }

    /** The chapter it was replicated from, when it was started from a kit. */
    public record Lineage(String chapter, String url) {
    }
}
