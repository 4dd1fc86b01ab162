package microfactory.funding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.members.MemberPrincipal;

/** Campaigns: public reads (pledges by pseudonym), stewards start and close, members pledge and withdraw. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignsApi {

    private final CampaignService campaigns;

    CampaignsApi(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** A pledge as a member sends it: a whole number of minor units of the campaign's currency, and a reward tier or none. */
    record PledgeRequest(BigDecimal amountMinor, Long tier) {

        /** The amount, refused when it is not a whole number. */
        Long whole() {
            return Money.wholeMinor(amountMinor, "amountMinor");
        }
    }

    @GetMapping
    List<Campaign> all() {
        return campaigns.campaigns();
    }

    @GetMapping("/{id}")
    Campaign one(@PathVariable long id) {
        return campaigns.campaign(id);
    }

    @GetMapping("/{id}/pledges")
    List<Pledge> pledges(@PathVariable long id) {
        return campaigns.pledges(id);
    }

    @PostMapping
    ResponseEntity<Campaign> create(@RequestBody NewCampaign campaign) {
        return ResponseEntity.status(201).body(campaigns.create(campaign));
    }

    @PostMapping("/{id}/pledges")
    ResponseEntity<Pledge> pledge(@PathVariable long id, @RequestBody PledgeRequest pledge,
                                  @AuthenticationPrincipal MemberPrincipal me) {
        return ResponseEntity.status(201).body(campaigns.pledge(id, me.memberId(), pledge.whole(), pledge.tier()));
    }

    /** Takes back the member's held pledges while the campaign is open. */
    @DeleteMapping("/{id}/pledges/mine")
    Map<String, Integer> withdraw(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
        return Map.of("withdrawn", campaigns.withdraw(id, me.memberId()));
    }

    @PostMapping("/{id}/close")
    Campaign close(@PathVariable long id) {
        return campaigns.close(id);
    }

    /** Calls the campaign off: every held pledge is released. */
    @PostMapping("/{id}/cancel")
    Campaign cancel(@PathVariable long id) {
        return campaigns.cancel(id);
    }
}
