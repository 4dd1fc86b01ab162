package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.mail.MailStatus;
import microfactory.mail.Mailer;
import microfactory.mail.OutboxMail;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/**
 * Members hear by mail of their seat and of changes to their build. The demo has no SMTP server, so mail is held in
 * the outbox, which an admin reads; a visitor finds an open build with free seats.
 */
@DatabaseTest
class RunNoticesTest {

    @LocalServerPort int port;
    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired Mailer mailer;

    @Test
    void aSeatAndACancellationAreMailedAndHeldInTheOutboxWithoutAnSmtpServer() {
        Member m = members.signUp(new SignUp("kim@example.org", "Kim Lee", "we build tractors", null, null));
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(10), 1, 480, 1020, 4, 2));
        production.signUp(run.id(), m.id(), SignupRole.TRAINEE);
        assertThat(mailTo("kim@example.org")).extracting(OutboxMail::subject)
                .anyMatch(s -> s.contains("Confirm your e-mail address")).anyMatch(s -> s.contains("Your seat"));
        production.cancel(run.id(), "the lumber did not arrive");
        OutboxMail cancelled = mailTo("kim@example.org").stream().filter(x -> x.subject().contains("Cancelled")).findFirst().orElseThrow();
        assertThat(cancelled.status()).isEqualTo(MailStatus.HELD);
        assertThat(cancelled.body()).contains("the lumber did not arrive").contains("/production/runs/" + run.id());

        Http admin = new Http(port);
        admin.login("admin@demo.local", "demo-admin");
        String outbox = admin.page("/admin/outbox").body();
        assertThat(outbox).contains("id=\"held-notice\"").contains("kim@example.org").contains("the lumber did not arrive");
        Http steward = new Http(port);
        steward.login("steward@demo.local", "demo-steward");
        assertThat(steward.page("/admin/outbox").statusCode()).isEqualTo(403);
    }

    @Test
    void theDemoHasAnOpenBuildWithFreeSeatsAndMailInTheOutbox() {
        Run open = production.runs().stream().filter(r -> r.designSlug().equals("solar-panel") && r.status() == RunStatus.OPEN)
                .findFirst().orElseThrow();
        long confirmed = production.signups(open.id()).stream().filter(s -> s.status() == SignupStatus.CONFIRMED).count();
        assertThat(confirmed).isLessThan(open.crewTarget());
        assertThat(mailer.latest()).isNotEmpty();
        Member visitor = members.signUp(new SignUp("sam@example.org", "Sam Ortiz", "we build tractors", null, null));
        assertThat(production.signUp(open.id(), visitor.id(), SignupRole.TRAINEE).status())
                .as(open + " " + production.signups(open.id())).isEqualTo(SignupStatus.CONFIRMED);
    }

    private List<OutboxMail> mailTo(String to) {
        return mailer.latest().stream().filter(x -> x.recipient().equals(to)).toList();
    }
}
