package microfactory.chapter;

import java.time.Clock;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import microfactory.funding.CampaignService;
import microfactory.funding.CampaignStatus;
import microfactory.learning.LearningService;
import microfactory.members.MemberPrincipal;
import microfactory.merit.MeritService;
import microfactory.production.ProductionService;
import microfactory.production.TaskStatus;
import microfactory.web.Areas;

/** The home page: the chapter's dashboard, and for a logged-in member where to start. */
@Controller
class ChapterPages {

    private final ChapterDashboard dashboard;
    private final LearningService learning;
    private final MeritService merit;
    private final ProductionService production;
    private final CampaignService campaigns;
    private final Clock clock;

    ChapterPages(ChapterDashboard dashboard, LearningService learning, MeritService merit, ProductionService production,
                 CampaignService campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.dashboard = dashboard;
        this.learning = learning;
        this.merit = merit;
        this.production = production;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("dashboard", dashboard.now());
        model.addAttribute("areas", Areas.ALL);
        model.addAttribute("start", me == null ? null : startHere(me));
        model.addAttribute("campaigns", campaigns.campaigns().stream().filter(c -> c.status() == CampaignStatus.OPEN).toList());
        return "chapter/dashboard";
    }

    private StartHere startHere(MemberPrincipal me) {
        var now = clock.instant();
        return new StartHere(learning.nextModule(me.memberId()).orElse(null),
                merit.badgesOf(me.memberId()).stream().filter(b -> b.validAt(now)).toList(),
                production.openTo(me.memberId()).stream().limit(5).toList(),
                production.tasksOf(me.memberId(), me.publicId()).stream()
                        .filter(t -> t.task().status() != TaskStatus.DONE && t.ends().isAfter(now)).findFirst().orElse(null));
    }
}
