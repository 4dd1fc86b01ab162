package microfactory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.designs.DesignService;
import microfactory.learning.LearningService;
import microfactory.ledger.LedgerService;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;
import microfactory.merit.MeritService;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/**
 * The ledger's privacy is only as good as the least careful public page: a visitor who is not logged in sees members
 * by pseudonym only, on every public page and in every public API answer. A logged-in member sees names.
 */
@DatabaseTest
class PublicPrivacyTest {

    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired ProductionService production;
    @Autowired DesignService designs;
    @Autowired LearningService learning;
    @Autowired LedgerService ledger;
    @Autowired MeritService merit;

    @Test
    void noPublicPageOrAnswerNamesAMember() {
        List<String> names = members.search(null, null, 0).stream().map(MemberSummary::member).map(m -> m.displayName()).toList();
        assertThat(names).hasSizeGreaterThan(20);
        List<String> paths = new ArrayList<>(List.of("/", "/plans", "/equipment", "/equipment/machines/robot-arm", "/equipment/labels",
                "/learn", "/learn/welding-basics", "/badges", "/designs", "/designs/lifetrac", "/production", "/ledger",
                "/ledger/accounts", "/ledger/accounts/bank", "/ledger/entries/0", "/badges/verify",
                "/api/v1/chapter", "/api/v1/plans", "/api/v1/runs", "/api/v1/badges/issued", "/api/v1/ledger/entries",
                "/api/v1/ledger/accounts", "/api/v1/designs", "/api/v1/learning/modules", "/api/v1/equipment/machines",
                "/funding", "/funding/economics", "/funding/economics/budget.csv", "/api/v1/economics", "/api/v1/campaigns",
                "/production/showroom", "/api/v1/units/showroom"));
        for (Run r : production.runs()) {
            paths.add("/production/runs/" + r.id());
            paths.add("/api/v1/runs/" + r.id() + "/schedule");
            paths.add("/api/v1/runs/" + r.id() + "/dashboard");
            production.units(r.id()).forEach(u -> {
                paths.add("/production/units/" + u.serial());
                paths.add("/api/v1/units/" + u.serial());
            });
        }
        merit.issued(30).forEach(b -> paths.add("/badges/holders/" + b.holder()));
        for (long i = Math.max(0, ledger.size() - 40); i < ledger.size(); i++) {
            paths.add("/ledger/entries/" + i);
        }
        Http visitor = new Http(port);
        for (String path : paths) {
            HttpResponse<String> r = path.startsWith("/api/") ? visitor.get(path) : visitor.page(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            for (String name : names) {
                assertThat(r.body()).as("a visitor at " + path + " must not see " + name).doesNotContain(name);
            }
        }
        // A member of the chapter sees who is on a build.
        Http member = new Http(port);
        member.login("member@demo.local", "demo-member");
        Run tractor = production.runs().stream().filter(r -> r.designSlug().equals("lifetrac")).findFirst().orElseThrow();
        String page = member.page("/production/runs/" + tractor.id()).body();
        assertThat(names.stream().filter(page::contains)).isNotEmpty();
    }
}
