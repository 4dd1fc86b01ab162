package microfactory.chapter;

import java.time.Instant;

/**
 * Where a chapter came from when it was started from another's enterprise kit: the origin chapter, its address and
 * verifier key, the kit's manifest SHA-256, the origin's ledger checkpoint at export, and this chapter's ledger entry
 * that records it.
 */
public record ChapterLineage(String originChapter, String originUrl, String originKey, String manifestSha256, long checkpointSize,
                             String checkpointRoot, long ledgerIndex, Instant replicatedAt) {
}
