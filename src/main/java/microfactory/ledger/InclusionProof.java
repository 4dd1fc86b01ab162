package microfactory.ledger;

import java.util.List;

/** RFC 9162 inclusion proof of one entry in the tree of {@code treeSize} entries; hashes in base64. */
public record InclusionProof(long index, long treeSize, String leafHash, String root, List<String> proof) {
}
