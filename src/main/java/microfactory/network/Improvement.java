package microfactory.network;

import java.time.Instant;

/**
 * A followed chapter's version of a design this chapter has: the chapter, design and version, the git commit it came
 * in, its licence, what it changes against this chapter's latest version, and what a steward decided.
 */
public record Improvement(long id, long chapterId, String chapterName, String designSlug, String label, String commitId, String licence,
                          String notes, String changes, ImprovementStatus status, String reason, Instant foundAt, Instant decidedAt) {
}
