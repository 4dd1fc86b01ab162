package microfactory.ledger;

import java.util.List;

/**
 * Cosignatures other parties (the chapter's witnesses) gave the log's checkpoint: the ledger serves them under its own
 * signature on {@code /ledger/checkpoint}, so a verifier can ask for a quorum. Implemented by the network feature.
 */
public interface CheckpointCosignatures {

    /** The note signature lines ("— name base64…\n") cosigning the checkpoint of this size and root (base64). */
    List<String> lines(long size, String root);
}
