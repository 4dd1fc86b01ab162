package microfactory.funding;

import java.time.Instant;
import java.util.List;

/**
 * What a steward gives to start a campaign. {@code creditAccount} is the ledger account pledges are credited to
 * (the chapter's start-up capital when none is named); {@code mode} defaults to all or nothing; {@code tiers}, optional,
 * are its rewards.
 */
public record NewCampaign(String title, String story, Long goalMinor, String currency, Instant deadline, CampaignMode mode,
                          String creditAccount, List<NewTier> tiers) {

    public NewCampaign(String title, String story, Long goalMinor, String currency, Instant deadline, CampaignMode mode,
                       String creditAccount) {
        this(title, story, goalMinor, currency, deadline, mode, creditAccount, List.of());
    }
}
