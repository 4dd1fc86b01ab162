package microfactory.merit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.mail.Mailer;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.support.DatabaseTest;

/** A holder is told once that a badge expires within 30 days; not when they renewed it already. */
@DatabaseTest
class BadgeExpiryNoticesTest {

    @Autowired MeritService merit;
    @Autowired MemberService members;
    @Autowired BadgeExpiryNotices notices;
    @Autowired Mailer mailer;
    @Autowired JdbcClient jdbc;

    @Test
    void aBadgeAboutToExpireIsNoticedOnceAndARenewedOneNotAtAll() {
        Member ana = members.signUp(new SignUp("ana@example.org", "Ana Diaz", "we build tractors", null, null));
        Member bo = members.signUp(new SignUp("bo@example.org", "Bo Berg", "we build tractors", null, null));
        Badge expiring = merit.issue(ana.id(), "welding", 1, "test");
        Badge old = merit.issue(bo.id(), "welding", 1, "test");
        merit.issue(bo.id(), "welding", 2, "test"); // renewed higher, valid for two more years
        soon(expiring.id());
        soon(old.id());

        notices.tell();
        assertThat(mail("ana@example.org")).isEqualTo(1);
        assertThat(mail("bo@example.org")).isZero();
        notices.tell();
        assertThat(mail("ana@example.org")).as("told once").isEqualTo(1);
    }

    private void soon(long badgeId) {
        jdbc.sql("update badge set expires_at = :at where id = :id")
            .param("at", Timestamp.from(Instant.now().plus(Duration.ofDays(10)))).param("id", badgeId).update();
    }

    private long mail(String to) {
        return mailer.latest().stream().filter(m -> m.recipient().equals(to) && m.subject().contains("expires soon")).count();
    }
}
