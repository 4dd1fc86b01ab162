package microfactory.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.common.ConflictException;
import microfactory.ledger.LedgerService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.Badge;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

@DatabaseTest
class LearningTest {

    @Autowired LearningService learning;
    @Autowired MeritService merit;
    @Autowired MemberService members;
    @Autowired LedgerService ledger;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Member newcomer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return members.signUp(new SignUp("learner-" + id + "@example.org", "Learner " + id, "learning every day", "", null));
    }

    Map<Long, String> answers(String code, boolean right) {
        Map<Long, String> a = new HashMap<>();
        for (Question q : learning.questions(code)) {
            a.put(q.id(), right ? q.answer().stripTrailingZeros().toPlainString() : "999");
        }
        return a;
    }

    @Test
    void passingATheoryModuleIssuesItsBadgeOnTheLedgerUnderAPseudonym() {
        Member m = newcomer();
        Attempt fail = learning.submit(m.id(), "hydraulics-101", answers("hydraulics-101", false), UUID.randomUUID().toString());
        assertThat(fail.passed()).isFalse();
        assertThat(fail.wrongQuestions()).isNotEmpty(); // which were wrong, never what is right
        assertThat(fail.credentialId()).isNull();
        assertThat(merit.levelOf(m.id(), "hydraulics")).isZero();
        assertThatThrownBy(() -> learning.submit(m.id(), "hydraulics-101", Map.of(), UUID.randomUUID().toString()))
                .hasMessageContaining("an empty form is not counted");
        long before = ledger.size();
        Attempt pass = learning.submit(m.id(), "hydraulics-101", answers("hydraulics-101", true), UUID.randomUUID().toString());
        assertThat(pass.passed()).isTrue();
        assertThat(pass.outcome()).contains("you earned the badge Hydraulics 101 (hydraulics level 1)");
        assertThat(pass.credentialId()).isNotBlank();
        assertThat(pass.wrongQuestions()).isEmpty();
        assertThat(merit.levelOf(m.id(), "hydraulics")).isEqualTo(1);
        String entry = ledger.entry(before).json();
        assertThat(entry).contains("\"kind\":\"badge.issued\"").contains(m.publicId()).doesNotContain(m.email());
    }

    @Test
    void mentorsSignOffThroughTheApiAndTheLearnerDownloadsTheCredential() {
        Member m = newcomer();
        learning.submit(m.id(), "shop-safety", answers("shop-safety", true), UUID.randomUUID().toString());
        learning.submit(m.id(), "welding-basics", answers("welding-basics", true), UUID.randomUUID().toString());
        Http mentor = new Http(port).as("steward@demo.local", "demo-steward");
        String queue = mentor.get("/api/v1/learning/sign-offs").body();
        assertThat(queue).contains("\"modules\"").contains("\"builds\"").contains("\"learnerId\":" + m.id());
        assertThat(mentor.json("POST", "/api/v1/learning/sign-offs/modules", "{}").statusCode()).isEqualTo(400);
        var signed = mentor.json("POST", "/api/v1/learning/sign-offs/modules",
                "{\"learner\": " + m.id() + ", \"module\": \"welding-basics\"}");
        assertThat(signed.statusCode()).isEqualTo(204);
        assertThat(merit.levelOf(m.id(), "welding")).isGreaterThanOrEqualTo(1);

        Http learner = new Http(port).as(m.email(), "learning every day");
        String mine = learner.get("/api/v1/members/me/badges").body();
        String url = mine.replaceAll("(?s).*\"skill\":\"welding\".*?\"url\":\"([^\"]+)\".*", "$1");
        assertThat(url).startsWith("/badges/credentials/").endsWith("?format=json");
        assertThat(learner.get(url).body()).contains("OpenBadgeCredential").contains("welding, level");
    }

    @Test
    void aBadgeInItsLastNinetyDaysIsRenewedByPassingItsModuleAgain() {
        Member m = newcomer();
        learning.submit(m.id(), "hydraulics-101", answers("hydraulics-101", true), UUID.randomUUID().toString());
        Attempt again = learning.submit(m.id(), "hydraulics-101", answers("hydraulics-101", true), UUID.randomUUID().toString());
        assertThat(again.outcome()).contains("already hold");
        assertThat(merit.badgesOf(m.id())).hasSize(1);

        Badge held = merit.badgesOf(m.id()).get(0);
        jdbc.sql("update badge set expires_at = :e where id = :id") // a badge issued 23 months ago
            .param("e", Timestamp.from(merit.now().plus(Duration.ofDays(30)))).param("id", held.id()).update();
        Attempt renewal = learning.submit(m.id(), "hydraulics-101", answers("hydraulics-101", true), UUID.randomUUID().toString());
        assertThat(renewal.outcome()).contains("renewed for two more years");
        assertThat(merit.badgesOf(m.id())).hasSize(2).anySatisfy(b -> {
            assertThat(b.source()).endsWith("renewed");
            assertThat(b.expiresAt()).isAfter(merit.now().plus(MeritService.VALIDITY).minusSeconds(60));
        });
    }

    @Test
    void aSecondSubmissionOfTheSameFormAndMissingPrerequisitesAreRefused() {
        Member m = newcomer();
        String token = UUID.randomUUID().toString();
        learning.submit(m.id(), "shop-safety", answers("shop-safety", true), token);
        assertThatThrownBy(() -> learning.submit(m.id(), "shop-safety", answers("shop-safety", true), token))
                .isInstanceOf(ConflictException.class).hasMessageContaining("submitted already");
        assertThat(merit.badgesOf(m.id())).hasSize(1);
        Member other = newcomer();
        assertThatThrownBy(() -> learning.submit(other.id(), "ceb-press", answers("ceb-press", true), UUID.randomUUID().toString()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("hydraulics-101").hasMessageContaining("shop-safety");
    }

    @Test
    void practicalSkillsNeedASignOffByAMentorAboveTheLevel() {
        Member m = newcomer();
        learning.submit(m.id(), "shop-safety", answers("shop-safety", true), UUID.randomUUID().toString());
        Attempt passed = learning.submit(m.id(), "welding-basics", answers("welding-basics", true), UUID.randomUUID().toString());
        assertThat(passed.outcome()).contains("mentor");
        assertThat(merit.levelOf(m.id(), "welding")).isZero();
        Member unqualified = newcomer();
        assertThatThrownBy(() -> learning.signOff(unqualified.id(), m.id(), "welding-basics"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("needs a mentor above that level; you hold none");
        long steward = members.findByEmail("steward@demo.local").orElseThrow().id();
        learning.signOff(steward, m.id(), "welding-basics");
        assertThat(merit.levelOf(m.id(), "welding")).isEqualTo(1);
    }

    @Test
    void theGateSaysWhoMayDoWhatAndWhichModulesLeadThere() {
        Member m = newcomer();
        Gate gate = learning.gate(m.id(), "welding", 2);
        assertThat(gate.allowed()).isFalse();
        assertThat(gate.qualifyingModules()).extracting(Module::code).containsExactly("structural-welding"); // it names welding-basics as its prerequisite
        long steward = members.findByEmail("steward@demo.local").orElseThrow().id();
        assertThat(learning.gate(steward, "welding", 2).allowed()).isTrue();
    }

    @Test
    void aRevokedBadgeNoLongerCountsAndTheRevocationIsPublic() {
        Member m = newcomer();
        Badge b = merit.issue(m.id(), "cnc", 2, "test");
        long before = ledger.size();
        merit.revoke(b.id(), "unsafe cutting observed");
        assertThat(merit.levelOf(m.id(), "cnc")).isZero();
        assertThat(ledger.entry(before).json()).contains("badge.revoked").contains("unsafe cutting observed");
        assertThatThrownBy(() -> merit.revoke(b.id(), "again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMemberTakesAModuleOnItsPageAndSeesTheBadge() {
        Http http = new Http(port);
        String email = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        members.signUp(new SignUp(email, "Page Learner", "learning by doing", "", null));
        http.login(email, "learning by doing");
        String page = http.get("/learn/3d-printing").body();
        assertThat(page).contains("Print your own parts").contains("id=\"submit-assessment\"");
        Map<String, String> form = new HashMap<>();
        form.put("token", page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1"));
        answers("3d-printing", true).forEach((id, v) -> form.put("q" + id, v));
        String result = http.postForm("/learn/3d-printing", form).body();
        assertThat(result).contains("id=\"outcome\"").contains("you earned the badge").contains("id=\"credential-link\"");
        assertThat(http.get("/badges").body()).contains("3d-printing level 1").contains("<strong>3D printing</strong>");
        assertThat(http.get("/learn").body()).contains("✓ passed");
        assertThat(new Http(port).get("/api/v1/badges/issued").body()).doesNotContain("@");
        assertThat(new Http(port).postForm("/learn/3d-printing", Map.of()).statusCode()).isIn(302, 403);
    }

    @Test
    void theDemoMembersHoldBadgesAndTheLedgerCarriesThem() {
        assertThat(merit.issued(1000)).hasSizeGreaterThan(30);
        assertThat(ledger.kinds()).contains("badge.issued");
        List<Badge> stewards = merit.badgesOf(members.findByEmail("steward@demo.local").orElseThrow().id());
        assertThat(stewards).anyMatch(b -> b.skill().equals("welding") && b.level() == 3);
    }
}
