package microfactory.funding;

/**
 * A new campaign as the form sends it: the goal and the deadline as people type them, and one optional reward
 * (more through the API): its name, least amount, limit of backers and plan.
 */
public record CampaignForm(String title, String story, String goal, String currency, String deadline, String mode,
                           String tierName, String tierAmount, String tierLimit, String tierPlan) {
}
