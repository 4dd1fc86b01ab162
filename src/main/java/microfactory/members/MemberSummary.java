package microfactory.members;

/** A member as the steward's list shows it: who, role, status and current plan. */
public record MemberSummary(Member member, String planName) {
}
