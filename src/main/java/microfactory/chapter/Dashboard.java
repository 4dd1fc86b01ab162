package microfactory.chapter;

import java.util.List;

import microfactory.ledger.report.Economics;
import microfactory.members.PlanCount;

/**
 * The chapter at a glance: its own members, bays and economics, computed rather than typed in — its targets
 * ({@code economics}) beside what the ledger shows so far ({@code actual}).
 */
public record Dashboard(Chapter chapter, long activeMembers, List<PlanCount> membersPerPlan, long bays,
                        ChapterEconomics economics, Economics actual, ChapterLineage lineage) {
}
