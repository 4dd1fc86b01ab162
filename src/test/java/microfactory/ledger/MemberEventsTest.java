package microfactory.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Anyone lists the entries that name one member (by pseudonym); a logged-in member finds theirs in one click. */
@DatabaseTest
class MemberEventsTest {

    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired LedgerService ledger;

    @Test
    void theLedgerFiltersByMemberAndAMembershipIsOneOfTheirEvents() {
        Member m = members.findByEmail("member@demo.local").orElseThrow();
        JsonNode mine = JsonMapper.builder().build().readTree(new Http(port).get("/api/v1/ledger/entries?member=" + m.publicId()).body());
        assertThat(mine.size()).isGreaterThan(0);
        for (JsonNode e : mine) {
            assertThat(e.toString()).contains(m.publicId());
        }
        assertThat(mine.findValuesAsString("kind")).contains("membership.started");
        assertThat(ledger.latest(null, m.publicId(), null, 500)).hasSize(mine.size() < 50 ? mine.size() : 50);

        Http page = new Http(port);
        page.login("member@demo.local", "demo-member");
        String ledgerPage = page.page("/ledger").body();
        assertThat(ledgerPage).contains("id=\"my-events\"").contains("/ledger?member=" + m.publicId());
        assertThat(page.page("/ledger?member=" + m.publicId()).body()).contains("id=\"member-filter\"").contains("membership.started");
        assertThat(new Http(port).page("/ledger").body()).doesNotContain("id=\"my-events\"");
    }
}
