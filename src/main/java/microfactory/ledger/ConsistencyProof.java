package microfactory.ledger;

import java.util.List;

/** RFC 9162 consistency proof that the tree of {@code size2} extends the tree of {@code size1}. */
public record ConsistencyProof(long size1, long size2, String root1, String root2, List<String> proof) {
}
