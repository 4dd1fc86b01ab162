package microfactory.chapter;

import java.util.List;

import microfactory.members.PlanCount;

/** The chapter at a glance: its own members, bays and economics, computed rather than typed in. */
public record Dashboard(Chapter chapter, long activeMembers, List<PlanCount> membersPerPlan, long bays,
                        ChapterEconomics economics) {
}
