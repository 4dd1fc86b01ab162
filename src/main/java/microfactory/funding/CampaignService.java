package microfactory.funding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.ledger.Account;
import microfactory.ledger.LedgerService;
import microfactory.ledger.PostingRequest;
import microfactory.ledger.TransferRequest;
import microfactory.ledger.tlog.Jcs;
import microfactory.members.Member;
import microfactory.members.MemberMail;
import microfactory.members.MemberService;
import microfactory.members.Plan;
import microfactory.members.PlanService;

/**
 * Crowdfunding campaigns. A pledge is a pending ledger transfer in the member's pseudonym (pledges held → the
 * campaign's account); closing settles them all at once under a lock on the campaign, so two stewards or the deadline
 * job and a steward close it once: posted when it succeeded (or keeps what it raised), voided when it failed.
 */
@Service
public class CampaignService {

    /** Where pledges wait until their campaign closes (the standard chart's account). */
    static final String HELD = "pledges-receivable";
    static final String DEFAULT_ACCOUNT = "start-up-capital";

    private final CampaignRepository campaigns;
    private final LedgerService ledger;
    private final MemberService members;
    private final MemberMail mail;
    private final PlanService plans;
    private final ChapterSettings chapter;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, LedgerService ledger, MemberService members, MemberMail mail,
                    PlanService plans, ChapterSettings chapter, Clock clock) {
        this.mail = mail;
        this.plans = plans;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.members = members;
        this.chapter = chapter;
        this.clock = clock;
    }

    public List<Campaign> campaigns() {
        return campaigns.all();
    }

    public Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    /** A campaign's pledges, backers by pseudonym, newest last. */
    public List<Pledge> pledges(long campaignId) {
        campaign(campaignId);
        return campaigns.pledges(campaignId).stream().map(p -> new Pledge(p.id(), p.campaignId(), p.backer(), p.amountMinor(),
                p.tierId(), p.status(), p.transferId(), p.createdAt())).toList();
    }

    @Transactional
    public Campaign create(NewCampaign c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.title() == null || c.title().isBlank() || c.title().length() > 200) {
            problems.add(new FieldProblem("title", "give the campaign a title of at most 200 characters"));
        }
        if (c.story() != null && c.story().length() > 20_000) {
            problems.add(new FieldProblem("story", "tell the story in at most 20,000 characters"));
        }
        String currency = c.currency() == null || c.currency().isBlank() ? chapter.currency() : c.currency();
        if (c.goalMinor() == null || c.goalMinor() <= 0 || c.goalMinor() > Jcs.MAX_SAFE_INTEGER) {
            problems.add(new FieldProblem("goalMinor", "a positive whole number of minor units (cents), e.g. 500000000 for "
                    + Money.of(500_000_000L, "USD")));
        }
        if (c.deadline() == null || !c.deadline().isAfter(clock.instant())) {
            problems.add(new FieldProblem("deadline", "a moment in the future, e.g. 2027-03-31T18:00:00Z"));
        }
        String account = c.creditAccount() == null || c.creditAccount().isBlank() ? DEFAULT_ACCOUNT : c.creditAccount();
        for (String code : List.of(HELD, account)) {
            Account a = ledger.accounts().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
            if (a == null) {
                problems.add(new FieldProblem(code.equals(HELD) ? "currency" : "creditAccount", "the ledger has no account '"
                        + code + "'; open it on the accounts page first"));
            } else if (!a.currency().equals(currency)) {
                problems.add(new FieldProblem("currency", "account '" + code + "' holds " + a.currency() + ", not " + currency));
            }
        }
        List<NewTier> tiers = c.tiers() == null ? List.of() : c.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            tierProblems(tiers.get(i), "tiers[" + i + "]", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = campaigns.insert(c.title().strip(), c.story() == null ? "" : c.story().strip(), c.goalMinor(), currency,
                c.deadline(), c.mode() == null ? CampaignMode.ALL_OR_NOTHING : c.mode(), account, clock.instant());
        tiers.forEach(t -> campaigns.insertTier(id, t));
        return campaign(id);
    }

    private void tierProblems(NewTier t, String at, List<FieldProblem> problems) {
        if (t == null || t.name() == null || t.name().isBlank() || t.name().length() > 120) {
            problems.add(new FieldProblem(at + ".name", "name the reward in at most 120 characters"));
            return;
        }
        if (t.amountMinor() == null || t.amountMinor() <= 0 || t.amountMinor() > Jcs.MAX_SAFE_INTEGER) {
            problems.add(new FieldProblem(at + ".amountMinor", "the least pledge for this reward, in minor units"));
        }
        if (t.maxBackers() != null && t.maxBackers() <= 0) {
            problems.add(new FieldProblem(at + ".maxBackers", "how many backers may take it (none: no limit)"));
        }
        if (t.planCode() != null && !t.planCode().isBlank() && plans.offered().stream().noneMatch(p -> p.code().equals(t.planCode()))) {
            problems.add(new FieldProblem(at + ".planCode", "choose one of the plans on offer: "
                    + plans.offered().stream().map(Plan::code).toList()));
        }
    }

    /** A member pledges without a reward: see {@link #pledge(long, long, Long, Long)}. */
    @Transactional
    public Pledge pledge(long campaignId, long memberId, Long amountMinor) {
        return pledge(campaignId, memberId, amountMinor, null);
    }

    /**
     * A member pledges, for a reward tier or none: a pending transfer in their pseudonym, held until the campaign
     * closes. A tier takes at least its amount, and only while it has room (counted under the campaign's lock).
     */
    @Transactional
    public Pledge pledge(long campaignId, long memberId, Long amountMinor, Long tierId) {
        if (amountMinor == null || amountMinor <= 0 || amountMinor > Jcs.MAX_SAFE_INTEGER) {
            throw InvalidInputException.of("amountMinor", "pledge a positive whole number of minor units (cents)");
        }
        campaigns.lock(campaignId);
        Campaign c = campaign(campaignId);
        requireOpen(c);
        if (tierId != null) {
            Tier tier = c.tiers().stream().filter(t -> t.id() == tierId).findFirst().orElseThrow(() -> InvalidInputException.of(
                    "tier", "this campaign has no reward " + tierId + "; its rewards are " + c.tiers().stream().map(Tier::id).toList()));
            if (amountMinor < tier.amountMinor()) {
                throw InvalidInputException.of("amountMinor", "the reward '" + tier.name() + "' takes a pledge of at least "
                        + Money.of(tier.amountMinor(), c.currency()));
            }
            if (tier.full()) {
                throw new ConflictException("The reward '" + tier.name() + "' is taken by all " + tier.maxBackers()
                        + " backers it has room for; pledge for another, or without one.");
            }
        }
        Member backer = members.get(memberId);
        String transferId = "pledge-" + campaignId + "-" + UUID.randomUUID().toString().substring(0, 13);
        ledger.transfer(TransferRequest.of(transferId, "pledge", "Pledge to campaign #" + campaignId + ": " + shortTitle(c),
                PostingRequest.debit(HELD, amountMinor, c.currency()),
                PostingRequest.credit(c.creditAccount(), amountMinor, c.currency())).forMember(backer.publicId()).asPending(null));
        campaigns.insertPledge(campaignId, memberId, backer.publicId(), amountMinor, tierId, transferId, clock.instant());
        return pledges(campaignId).stream().filter(p -> p.transferId().equals(transferId)).findFirst().orElseThrow();
    }

    /** A backer takes back their held pledges to an open campaign: each pending transfer is voided. */
    @Transactional
    public int withdraw(long campaignId, long memberId) {
        campaigns.lock(campaignId);
        requireOpenStatus(campaign(campaignId));
        List<CampaignRepository.PledgeRow> mine = campaigns.pledges(campaignId).stream()
                .filter(p -> p.memberId() != null && p.memberId() == memberId && p.status() == PledgeStatus.HELD).toList();
        if (mine.isEmpty()) {
            throw new ConflictException("You have no pledge held in this campaign.");
        }
        for (CampaignRepository.PledgeRow p : mine) {
            ledger.transfer(TransferRequest.voiding("withdraw-" + p.transferId(), p.transferId()));
            campaigns.setPledgeStatus(p.id(), PledgeStatus.WITHDRAWN);
        }
        return mine.size();
    }

    /**
     * Closes the campaign now (a steward, or the deadline): succeeded when it reached its goal or keeps what it raised
     * (every held pledge posted), else failed (every held pledge voided). A campaign is closed once; a second close,
     * even at the same moment, is refused. Each backer is told by mail what became of their pledge.
     */
    @Transactional
    public Campaign close(long campaignId) {
        return settle(campaignId, false);
    }

    /** A steward calls the campaign off while it is open: every held pledge is released, as for a failed one. */
    @Transactional
    public Campaign cancel(long campaignId) {
        return settle(campaignId, true);
    }

    private Campaign settle(long campaignId, boolean cancelled) {
        campaigns.lock(campaignId);
        Campaign c = campaign(campaignId);
        if (c.status() != CampaignStatus.OPEN) {
            throw new ConflictException("Campaign #" + campaignId + " is " + c.status().label() + " already; it closes once.");
        }
        boolean success = !cancelled && (c.mode() == CampaignMode.KEEP_WHAT_YOU_RAISE || c.pledgedMinor() >= c.goalMinor());
        CampaignStatus status = cancelled ? CampaignStatus.CANCELLED : success ? CampaignStatus.SUCCEEDED : CampaignStatus.FAILED;
        List<TransferRequest> settle = new ArrayList<>();
        List<CampaignRepository.PledgeRow> held = campaigns.pledges(campaignId).stream()
                .filter(p -> p.status() == PledgeStatus.HELD).toList();
        Map<Long, Long> byBacker = new LinkedHashMap<>();
        for (CampaignRepository.PledgeRow p : held) {
            settle.add(success ? TransferRequest.post("post-" + p.transferId(), p.transferId())
                    : TransferRequest.voiding("void-" + p.transferId(), p.transferId()));
            campaigns.setPledgeStatus(p.id(), success ? PledgeStatus.POSTED : PledgeStatus.VOIDED);
            if (p.memberId() != null) {
                byBacker.merge(p.memberId(), p.amountMinor(), Long::sum);
            }
        }
        for (int from = 0; from < settle.size(); from += 500) { // one log entry per 500 settlements
            ledger.transfer(settle.subList(from, Math.min(settle.size(), from + 500)));
        }
        campaigns.close(campaignId, status, clock.instant());
        if (success) {
            reward(c, held);
        }
        ledger.record("campaign.closed", Map.of("campaign", campaignId, "status", status.label(),
                "pledged", c.pledgedMinor(), "goal", c.goalMinor(), "currency", c.currency(), "pledges", held.size()));
        String link = chapter.publicUrl() + "/funding/campaigns/" + campaignId;
        byBacker.forEach((memberId, amount) -> mail.tell(memberId, "Campaign " + status.label() + ": " + shortTitle(c),
                (success ? "the campaign \"" + c.title() + "\" reached its goal: your pledge of " + Money.of(amount, c.currency())
                        + " is taken. Thank you."
                        : "the campaign \"" + c.title() + "\" " + (cancelled ? "was called off" : "did not reach its goal")
                        + ": your pledge of " + Money.of(amount, c.currency()) + " is released; you owe nothing.")
                        + "\n\nIts page: " + link));
        return campaign(campaignId);
    }

    /**
     * Backers of a succeeded campaign get their tier's plan from today, with its rights, unless a membership of theirs
     * runs now or later (then a steward decides; the mail says so).
     */
    private void reward(Campaign c, List<CampaignRepository.PledgeRow> taken) {
        LocalDate today = chapter.today(clock);
        for (CampaignRepository.PledgeRow p : taken) {
            Tier tier = p.tierId() == null ? null : c.tiers().stream().filter(t -> t.id() == p.tierId()).findFirst().orElse(null);
            if (tier == null || tier.planCode() == null || p.memberId() == null) {
                continue;
            }
            boolean hasPlan = members.memberships(p.memberId()).stream()
                    .anyMatch(m -> m.endsOn() == null || !m.endsOn().isBefore(today));
            if (hasPlan) {
                mail.tell(p.memberId(), "Your reward: " + tier.name(), "your pledge to \"" + c.title() + "\" earned '"
                        + tier.name() + "', but you are on a plan already; a steward will move you to it.");
            } else {
                members.join(p.memberId(), tier.planCode(), today, null);
            }
        }
    }

    /** Open campaigns whose deadline has passed, for the closing job. */
    public List<Long> dueForClosing() {
        return campaigns.openDueBy(clock.instant());
    }

    private void requireOpen(Campaign c) {
        if (c.status() == CampaignStatus.OPEN && !clock.instant().isBefore(c.deadline())) {
            throw new ConflictException("Campaign #" + c.id() + " reached its deadline; it takes no more pledges and closes shortly.");
        }
        requireOpenStatus(c);
    }

    private static void requireOpenStatus(Campaign c) {
        if (c.status() != CampaignStatus.OPEN) {
            throw new ConflictException("Campaign #" + c.id() + " is " + c.status().label() + "; it takes no more pledges.");
        }
    }

    private static String shortTitle(Campaign c) {
        return c.title().length() > 80 ? c.title().substring(0, 80) + "…" : c.title();
    }
}
