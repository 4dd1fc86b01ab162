package microfactory.funding;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;

/**
 * The demo chapter's open campaign: a plasma cutter for the cutting bay, two thirds funded by a dozen members, nine
 * days left. (The founding $5M campaign's pledges are in the ledger's demo, from before campaigns had pages.)
 */
@Component
class FundingDemo implements DemoData {

    private static final long[] PLEDGES = {500_000, 250_000, 250_000, 300_000, 150_000, 400_000, 100_000, 250_000,
        200_000, 350_000, 150_000, 100_000};

    private final CampaignService campaigns;
    private final MemberService members;
    private final Clock clock;

    FundingDemo(CampaignService campaigns, MemberService members, Clock clock) {
        this.campaigns = campaigns;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60; // after the ledger's accounts and the members
    }

    @Override
    public void load() {
        Campaign cutter = campaigns.create(new NewCampaign("A CNC plasma cutter for the cutting bay",
                "Every tractor and house frame starts as cut steel. Today we cut by hand and by the hour at a partner's "
                        + "shop; a 1.5 × 3 m CNC plasma table cuts a LifeTrac's plates in an afternoon.\n\n"
                        + "All or nothing: if we do not reach the goal by the deadline, every pledge is released.",
                4_800_000L, "USD", clock.instant().plus(Duration.ofDays(9)), CampaignMode.ALL_OR_NOTHING, null));
        List<MemberSummary> people = members.search(null, true, 0);
        for (int i = 0; i < PLEDGES.length && i < people.size(); i++) {
            campaigns.pledge(cutter.id(), people.get(i).member().id(), PLEDGES[i]);
        }
    }
}
