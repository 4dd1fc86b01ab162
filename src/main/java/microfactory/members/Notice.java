package microfactory.members;

/** What a member may be told by e-mail; each can be switched off in their profile. */
public enum Notice {
    /** A seat in a build is confirmed, or they moved up from its waitlist. */
    SEAT,
    /** A build they are in was rescheduled or cancelled. */
    RUN,
    /** One of their badges expires within 30 days. */
    BADGE
}
