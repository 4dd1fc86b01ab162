package microfactory.funding;

import java.time.Instant;

/**
 * What a steward gives to start a campaign. {@code creditAccount} is the ledger account pledges are credited to
 * (the chapter's start-up capital when none is named); {@code mode} defaults to all or nothing.
 */
public record NewCampaign(String title, String story, Long goalMinor, String currency, Instant deadline, CampaignMode mode,
                          String creditAccount) {
}
