package microfactory.chapter;

import microfactory.kit.EnterpriseKit;

/** What founding a chapter from a kit did: the founding, the lineage recorded, and what the kit gave it. */
public record FoundedFromKit(Founded founded, ChapterLineage lineage, EnterpriseKit.Loaded loaded) {
}
