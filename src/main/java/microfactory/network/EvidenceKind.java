package microfactory.network;

/** What a followed chapter's log did that a log must not. */
public enum EvidenceKind {
    /** Two checkpoints of one size with different roots: a split view. */
    FORK,
    /** A checkpoint smaller than one it signed before: history taken back. */
    ROLLBACK,
    /** A larger checkpoint that no consistency proof joins to the last one: history rewritten. */
    INCONSISTENT
}
