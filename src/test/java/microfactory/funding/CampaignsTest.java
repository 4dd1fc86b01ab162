package microfactory.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.ledger.LedgerService;
import microfactory.mail.Mailer;
import microfactory.ledger.TransferStatus;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns end to end: pledges held on the ledger by pseudonym, settled once, all or nothing. */
@DatabaseTest
class CampaignsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired CampaignClosing closing;
    @Autowired LedgerService ledger;
    @Autowired MemberService members;
    @Autowired Mailer mailer;

    @AfterEach
    void clock() {
        TestClock.reset();
    }

    private Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    private Http member() {
        return new Http(port).as("member@demo.local", "demo-member");
    }

    private Campaign campaign(String title, long goal, CampaignMode mode) {
        return campaigns.create(new NewCampaign(title, "", goal, "USD", Instant.now().plus(Duration.ofDays(3)), mode, null));
    }

    private Member someone(int k) {
        return members.search(null, true, 0).get(k).member();
    }

    @Test
    void aPledgeIsAHeldLedgerTransferInTheBackersPseudonym() {
        HttpResponse<String> created = steward().json("POST", "/api/v1/campaigns", """
                {"title":"A welder for bay 2","goalMinor":1200000,"currency":"USD","deadline":"%s"}"""
                .formatted(Instant.now().plus(Duration.ofDays(5))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(JSON.readTree(created.body()).get("status").asString()).isEqualTo("open");

        HttpResponse<String> pledged = member().json("POST", "/api/v1/campaigns/" + id + "/pledges", "{\"amountMinor\":25000}");
        assertThat(pledged.statusCode()).as(pledged.body()).isEqualTo(201);
        JsonNode pledge = JSON.readTree(pledged.body());
        Member me = members.findByEmail("member@demo.local").orElseThrow();
        assertThat(pledge.get("backer").asString()).isEqualTo(me.publicId());
        var transfer = ledger.transferById(pledge.get("transferId").asString());
        assertThat(transfer.status()).isEqualTo(TransferStatus.PENDING);
        assertThat(transfer.member()).isEqualTo(me.publicId());

        JsonNode read = JSON.readTree(new Http(port).get("/api/v1/campaigns/" + id).body());
        assertThat(read.get("pledgedMinor").asLong()).isEqualTo(25000);
        assertThat(read.get("backers").asLong()).isEqualTo(1);
        String publicPledges = new Http(port).get("/api/v1/campaigns/" + id + "/pledges").body();
        assertThat(publicPledges).contains(me.publicId()).doesNotContain(me.displayName()).doesNotContain(me.email());
        assertThat(new Http(port).page("/funding/campaigns/" + id).body()).contains("funding-bar").contains("id=\"pledge-curve\"")
                .contains("$250.00")
                .doesNotContain(me.displayName());
    }

    @Test
    void badPledgesAreRefusedAndNothingIsBooked() {
        Campaign c = campaign("Refusals", 100_000, CampaignMode.ALL_OR_NOTHING);
        String path = "/api/v1/campaigns/" + c.id() + "/pledges";
        for (String body : List.of("{\"amountMinor\":0}", "{\"amountMinor\":-5}", "{\"amountMinor\":12.5}", "{}")) {
            HttpResponse<String> r = member().json("POST", path, body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(new Http(port).json("POST", path, "{\"amountMinor\":100}").statusCode()).isEqualTo(401);
        assertThat(member().json("POST", "/api/v1/campaigns", "{\"title\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(member().json("POST", "/api/v1/campaigns/" + c.id() + "/close", null).statusCode()).isEqualTo(403);
        campaigns.close(c.id());
        HttpResponse<String> closed = member().json("POST", path, "{\"amountMinor\":100}");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("takes no more pledges");
        assertThat(campaigns.pledges(c.id())).isEmpty();
    }

    @Test
    void aCampaignThatMissedItsGoalReleasesEveryPledge() {
        Campaign c = campaign("Missed", 1_000_000, CampaignMode.ALL_OR_NOTHING);
        Pledge a = campaigns.pledge(c.id(), someone(1).id(), 30_000L);
        Pledge b = campaigns.pledge(c.id(), someone(2).id(), 40_000L);
        HttpResponse<String> closed = steward().json("POST", "/api/v1/campaigns/" + c.id() + "/close", null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).get("status").asString()).isEqualTo("failed");
        assertThat(ledger.transferById(a.transferId()).status()).isEqualTo(TransferStatus.VOIDED);
        assertThat(ledger.transferById(b.transferId()).status()).isEqualTo(TransferStatus.VOIDED);
        assertThat(campaigns.pledges(c.id())).extracting(Pledge::status).containsOnly(PledgeStatus.VOIDED);
        assertThat(ledger.latest("campaign.closed", null, 5)).anySatisfy(e -> assertThat(e.json())
                .contains("\"campaign\":" + c.id()).contains("failed"));
        assertThat(mailer.latest()).filteredOn(m -> m.recipient().equals(someone(1).email()))
                .anySatisfy(m -> assertThat(m.body()).contains("did not reach its goal").contains("$300.00 USD is released"));
    }

    @Test
    void aStewardCallsACampaignOffAndEveryPledgeIsReleased() {
        Campaign c = campaign("Called off", 5_000, CampaignMode.KEEP_WHAT_YOU_RAISE);
        Pledge p = campaigns.pledge(c.id(), someone(12).id(), 9_000L);
        assertThat(member().json("POST", "/api/v1/campaigns/" + c.id() + "/cancel", null).statusCode()).isEqualTo(403);
        HttpResponse<String> cancelled = steward().json("POST", "/api/v1/campaigns/" + c.id() + "/cancel", null);
        assertThat(JSON.readTree(cancelled.body()).get("status").asString()).isEqualTo("cancelled");
        assertThat(ledger.transferById(p.transferId()).status()).isEqualTo(TransferStatus.VOIDED);
        assertThat(steward().json("POST", "/api/v1/campaigns/" + c.id() + "/close", null).statusCode()).isEqualTo(409);
        assertThat(mailer.latest()).filteredOn(m -> m.recipient().equals(someone(12).email()))
                .anySatisfy(m -> assertThat(m.body()).contains("was called off"));
    }

    @Test
    void aCampaignThatReachedItsGoalTakesEveryPledgeAndAKeepWhatYouRaiseOneAlways() {
        Campaign reached = campaign("Reached", 50_000, CampaignMode.ALL_OR_NOTHING);
        Pledge p = campaigns.pledge(reached.id(), someone(3).id(), 50_000L);
        assertThat(campaigns.close(reached.id()).status()).isEqualTo(CampaignStatus.SUCCEEDED);
        assertThat(ledger.transferById(p.transferId()).status()).isEqualTo(TransferStatus.POSTED);
        assertThat(mailer.latest()).filteredOn(m -> m.recipient().equals(someone(3).email()))
                .anySatisfy(m -> assertThat(m.body()).contains("reached its goal").contains("$500.00 USD is taken"));

        Campaign keep = campaign("Keep", 9_000_000, CampaignMode.KEEP_WHAT_YOU_RAISE);
        Pledge q = campaigns.pledge(keep.id(), someone(4).id(), 10_000L);
        assertThat(campaigns.close(keep.id()).status()).isEqualTo(CampaignStatus.SUCCEEDED);
        assertThat(ledger.transferById(q.transferId()).status()).isEqualTo(TransferStatus.POSTED);
    }

    @Test
    void aBackerMayWithdrawWhileTheCampaignIsOpen() {
        Campaign c = campaign("Withdrawals", 80_000, CampaignMode.ALL_OR_NOTHING);
        Pledge p = campaigns.pledge(c.id(), someone(5).id(), 20_000L);
        assertThat(campaigns.withdraw(c.id(), someone(5).id())).isEqualTo(1);
        assertThat(ledger.transferById(p.transferId()).status()).isEqualTo(TransferStatus.VOIDED);
        assertThat(campaigns.campaign(c.id()).pledgedMinor()).isZero();
        assertThatThrownBy(() -> campaigns.withdraw(c.id(), someone(5).id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRewardTierTakesItsAmountWhileItHasRoomAndGrantsItsPlanOnSuccess() {
        Campaign c = campaigns.create(new NewCampaign("Founding members, round two", "", 10_000L, "USD",
                Instant.now().plus(Duration.ofDays(3)), CampaignMode.ALL_OR_NOTHING, null,
                List.of(new NewTier("A founding membership", 10_000L, 1, "flat-dues"))));
        Tier tier = c.tiers().get(0);
        assertThat(tier.planCode()).isEqualTo("flat-dues");
        Member newcomer = members.signUp(new SignUp("tier-backer@example.org", "Tia Backer", "pledge for the tier", null, null));
        Member second = members.signUp(new SignUp("tier-late@example.org", "Lee Late", "pledge for the tier", null, null));

        assertThatThrownBy(() -> campaigns.pledge(c.id(), newcomer.id(), 9_999L, tier.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("amountMinor"));
        assertThatThrownBy(() -> campaigns.pledge(c.id(), newcomer.id(), 10_000L, 999_999L))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("tier"));
        Pledge taken = campaigns.pledge(c.id(), newcomer.id(), 10_000L, tier.id());
        assertThat(taken.tier()).isEqualTo(tier.id());
        assertThat(campaigns.campaign(c.id()).tiers().get(0).full()).isTrue();
        assertThatThrownBy(() -> campaigns.pledge(c.id(), second.id(), 10_000L, tier.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("room for");
        assertThat(campaigns.pledges(c.id())).hasSize(1);

        assertThat(members.memberships(newcomer.id())).isEmpty();
        assertThat(campaigns.close(c.id()).status()).isEqualTo(CampaignStatus.SUCCEEDED);
        assertThat(members.memberships(newcomer.id())).singleElement()
                .satisfies(m -> assertThat(m.planName()).isEqualTo("Full member"));
        assertThat(new Http(port).page("/funding/campaigns/" + c.id()).body()).contains("A founding membership");
    }

    @Test
    void aTierMustNameARewardAPositiveAmountAndAPlanOnOffer() {
        assertThatThrownBy(() -> campaigns.create(new NewCampaign("Tiers", "", 10_000L, "USD", Instant.now().plusSeconds(600),
                null, null, List.of(new NewTier("", 1L, null, null), new NewTier("Mug", 0L, 0, "no-such-plan")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField())
                        .containsKeys("tiers[0].name", "tiers[1].amountMinor", "tiers[1].maxBackers", "tiers[1].planCode"));
    }

    /** Two stewards (or the deadline job and a steward) at the same moment: the campaign settles once. */
    @Test
    void closingTwiceAtOnceSettlesOnce() throws Exception {
        Campaign c = campaign("Race", 10_000, CampaignMode.ALL_OR_NOTHING);
        for (int k = 6; k < 10; k++) {
            campaigns.pledge(c.id(), someone(k).id(), 5_000L);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> close = () -> {
                try {
                    return campaigns.close(c.id()).status().label();
                } catch (ConflictException e) {
                    return "refused";
                }
            };
            List<Future<String>> results = new ArrayList<>();
            results.add(pool.submit(close));
            results.add(pool.submit(close));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("succeeded", "refused");
        } finally {
            pool.shutdown();
        }
        assertThat(campaigns.pledges(c.id())).extracting(Pledge::status).containsOnly(PledgeStatus.POSTED);
        assertThat(ledger.latest("campaign.closed", null, 20)).filteredOn(e -> e.json().contains("\"campaign\":" + c.id() + ","))
                .hasSize(1);
    }

    @Test
    void theDeadlineClosesACampaignAndLatePledgesAreRefused() {
        Campaign c = campaign("Deadline", 1_000_000, CampaignMode.ALL_OR_NOTHING);
        Pledge p = campaigns.pledge(c.id(), someone(10).id(), 1_000L);
        TestClock.at(c.deadline().plusSeconds(1));
        assertThatThrownBy(() -> campaigns.pledge(c.id(), someone(11).id(), 1_000L)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("deadline");
        assertThat(closing.closeDue()).isPositive();
        assertThat(campaigns.campaign(c.id()).status()).isEqualTo(CampaignStatus.FAILED);
        assertThat(ledger.transferById(p.transferId()).status()).isEqualTo(TransferStatus.VOIDED);
    }

    @Test
    void aCampaignNeedsATitleAGoalAFutureDeadlineAndAnAccountInItsCurrency() {
        assertThatThrownBy(() -> campaigns.create(new NewCampaign(" ", "", 0L, "EUR", Instant.now().minusSeconds(5), null, "nope")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField())
                        .containsKeys("title", "goalMinor", "deadline", "creditAccount", "currency"));
    }

    @Test
    void theFundingPagesShowTheDemoCampaignAndAMemberPledgesFromThem() {
        assertThat(new Http(port).page("/").body()).contains("id=\"open-campaigns\"").contains("A CNC plasma cutter");
        String list = new Http(port).page("/funding").body();
        assertThat(list).contains("A CNC plasma cutter for the cutting bay").contains("funding-bar");
        Campaign demo = campaigns.campaigns().stream().filter(x -> x.title().startsWith("A CNC plasma cutter")).findFirst().orElseThrow();
        assertThat(demo.backers()).isGreaterThan(5);
        Campaign founding = campaigns.campaigns().stream().filter(x -> x.title().startsWith("The founding campaign")).findFirst()
                .orElseThrow();
        assertThat(founding.status()).isEqualTo(CampaignStatus.SUCCEEDED);
        assertThat(founding.backers()).isEqualTo(1_000);
        assertThat(founding.pledgedMinor()).isEqualTo(500_000_000L);
        assertThat(campaigns.pledges(founding.id())).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(PledgeStatus.POSTED);
            assertThat(ledger.transferById(p.transferId()).member()).isEqualTo(p.backer());
        });
        assertThat(list).contains("The founding campaign");
        assertThat(demo.percent()).isBetween(10, 99);

        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        member.page("/funding/campaigns/" + demo.id());
        HttpResponse<String> bad = member.postForm("/funding/campaigns/" + demo.id() + "/pledge", Map.of("amount", "lots"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).containsPattern("id=\"amount-error\"[^>]*>write an amount in USD");
        HttpResponse<String> negative = member.postForm("/funding/campaigns/" + demo.id() + "/pledge", Map.of("amount", "-5"));
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).containsPattern("id=\"amount-error\"[^>]*>pledge a positive whole number");
        HttpResponse<String> ok = member.postForm("/funding/campaigns/" + demo.id() + "/pledge", Map.of("amount", "75"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(member.page("/funding/campaigns/" + demo.id()).body()).contains("your pledge of $75.00 USD is held")
                .doesNotContain("id=\"close-campaign\"");
        assertThat(member.postForm("/funding/campaigns/" + demo.id() + "/cancel", Map.of()).statusCode()).isEqualTo(403);

        Campaign mine = campaign("Started from the page", 10_000, CampaignMode.ALL_OR_NOTHING);
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        assertThat(steward.page("/funding/campaigns/" + mine.id()).body()).contains("id=\"cancel-campaign\"");
        assertThat(steward.postForm("/funding/campaigns/" + mine.id() + "/cancel", Map.of()).statusCode()).isEqualTo(302);
        assertThat(campaigns.campaign(mine.id()).status()).isEqualTo(CampaignStatus.CANCELLED);

        assertThat(member.page("/funding/new").statusCode()).isEqualTo(403);
        assertThat(steward.page("/funding/new").body()).contains("id=\"campaign-form\"");
        HttpResponse<String> wrong = steward.postForm("/funding", Map.of("title", "", "goal", "a lot", "currency", "USD",
                "deadline", "soon", "mode", "ALL_OR_NOTHING", "story", ""));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"goal-error\"").contains("id=\"deadline-error\"");
        HttpResponse<String> badReward = steward.postForm("/funding", Map.of("title", "Benches", "goal", "2500", "currency", "USD",
                "deadline", LocalDate.now().plusDays(20).toString(), "mode", "ALL_OR_NOTHING", "story", "",
                "tierName", "A bench with your name", "tierAmount", "", "tierLimit", "ten", "tierPlan", ""));
        assertThat(badReward.statusCode()).isEqualTo(422);
        assertThat(badReward.body()).contains("id=\"tierAmount-error\"").contains("id=\"tierLimit-error\"");
        HttpResponse<String> started = steward.postForm("/funding", Map.ofEntries(Map.entry("title", "Benches for bay 4"),
                Map.entry("goal", "2,500"), Map.entry("currency", "USD"), Map.entry("deadline", LocalDate.now().plusDays(20).toString()),
                Map.entry("mode", "KEEP_WHAT_YOU_RAISE"), Map.entry("story", "Oak."), Map.entry("tierName", "A bench with your name"),
                Map.entry("tierAmount", "300"), Map.entry("tierLimit", "10"), Map.entry("tierPlan", "")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        Campaign benches = campaigns.campaigns().stream().filter(x -> x.title().equals("Benches for bay 4")).findFirst().orElseThrow();
        assertThat(benches.goalMinor()).isEqualTo(250_000);
        assertThat(benches.mode()).isEqualTo(CampaignMode.KEEP_WHAT_YOU_RAISE);
        assertThat(benches.tiers()).singleElement().satisfies(t -> {
            assertThat(t.amountMinor()).isEqualTo(30_000);
            assertThat(t.maxBackers()).isEqualTo(10);
        });
    }
}
