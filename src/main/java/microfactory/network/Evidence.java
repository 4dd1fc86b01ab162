package microfactory.network;

import java.time.Instant;

/** Evidence against a followed chapter's log: what was seen, what it contradicts, and when. */
public record Evidence(long id, long chapterId, EvidenceKind kind, String detail, String seen, String other, Instant foundAt) {
}
