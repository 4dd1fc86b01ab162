package microfactory.members;

/** How many active members a plan has. */
public record PlanCount(String planName, long members) {
}
