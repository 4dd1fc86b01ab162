package microfactory.chapter;

import java.util.List;

import microfactory.members.PlanCount;

/** The chapter at a glance. Source figures (payback, output) are computed, not typed in. */
public record Dashboard(Chapter chapter, long activeMembers, List<PlanCount> membersPerPlan, long bays,
                        SourceEconomics economics) {
}
