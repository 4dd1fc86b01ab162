package microfactory.funding;

/** All or nothing: pledges are taken only if the goal is reached by the deadline. Keep what you raise: always taken. */
public enum CampaignMode {
    ALL_OR_NOTHING, KEEP_WHAT_YOU_RAISE
}
