package microfactory.funding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.DemoCalendar;
import microfactory.common.DemoData;
import microfactory.ledger.LedgerService;
import microfactory.ledger.Transfer;
import microfactory.ledger.TransferKind;
import microfactory.ledger.TransferStatus;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;

/**
 * The demo chapter's campaigns: the founding one, which raised $5M from 1,000 backers before the chapter had accounts
 * (its pledges are the ledger demo's, made to belong to it here), and an open one — a plasma cutter for the cutting
 * bay, about two thirds funded by a dozen members, nine days left.
 */
@Component
class FundingDemo implements DemoData {

    private static final long[] PLEDGES = {500_000, 250_000, 250_000, 300_000, 150_000, 400_000, 100_000, 250_000,
        200_000, 350_000, 150_000, 100_000};

    private final CampaignService campaigns;
    private final CampaignRepository records;
    private final LedgerService ledger;
    private final MemberService members;
    private final Clock clock;
    private final ChapterSettings chapter;

    FundingDemo(CampaignService campaigns, CampaignRepository records, LedgerService ledger, MemberService members, Clock clock,
                ChapterSettings chapter) {
        this.chapter = chapter;
        this.campaigns = campaigns;
        this.records = records;
        this.ledger = ledger;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60; // after the ledger's accounts and the members
    }

    @Override
    public void load() {
        founding();
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

    /** The start-up campaign the ledger demo's pledges came from: succeeded, every pledge taken. */
    private void founding() {
        List<Transfer> pledges = ledger.recentTransfers(CampaignService.HELD, 5_000).stream()
                .filter(t -> t.code().equals("pledge") && t.kind() == TransferKind.PENDING && t.status() == TransferStatus.POSTED)
                .sorted(Comparator.comparing(Transfer::entryIndex).thenComparing(Transfer::id)).toList();
        if (pledges.isEmpty()) {
            return;
        }
        long raised = pledges.stream().mapToLong(t -> t.postings().get(0).amount()).sum();
        LocalDate today = chapter.today(clock);
        ZoneId zone = chapter.zone();
        Instant opened = DemoCalendar.foundingCampaignOpened(today).atStartOfDay(zone).toInstant();
        Instant closed = DemoCalendar.foundingCampaignClosed(today).atTime(18, 0).atZone(zone).toInstant();
        long id = records.insertClosed("The founding campaign: a microfactory for Maysville",
                "A thousand of us pledged $5,000 each to build a community factory: twelve bays, the machines to fill "
                        + "them, and a year's lease. Every pledge was held until the goal was reached, then taken.",
                raised, "USD", opened, closed, CampaignStatus.SUCCEEDED, CampaignService.DEFAULT_ACCOUNT);
        for (int k = 0; k < pledges.size(); k++) {
            Transfer t = pledges.get(k);
            Instant made = DemoCalendar.foundingPledgeDay(k, pledges.size(), today).atTime(12, 0).atZone(zone).toInstant();
            records.insertPastPledge(id, t.member(), t.postings().get(0).amount(), t.id(), PledgeStatus.POSTED, made);
        }
    }
}
