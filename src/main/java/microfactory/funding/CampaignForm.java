package microfactory.funding;

/** A new campaign as the form sends it: the goal and the deadline as people type them. */
public record CampaignForm(String title, String story, String goal, String currency, String deadline, String mode) {
}
