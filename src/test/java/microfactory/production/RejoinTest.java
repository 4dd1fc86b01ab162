package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.ledger.LedgerService;
import microfactory.ledger.TransferStatus;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** A member who leaves a build may join it again, on the page and through the API; a fee is owed anew, the old one voided. */
@DatabaseTest
class RejoinTest {

    @LocalServerPort int port;
    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired LedgerService ledger;

    @Test
    void leavingAndJoiningAgainWorksOnThePageAndTheApi() {
        members.signUp(new SignUp("rejoin@example.org", "Rae Join", "we build tractors", null, null));
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(12), 1, 480, 1020, 3, 2)
                .withFee(5_000, "USD"));
        Http page = new Http(port);
        page.login("rejoin@example.org", "we build tractors");
        String path = "/production/runs/" + run.id();
        page.page(path);
        assertThat(page.postForm(path + "/signup", Map.of("role", "TRAINEE")).statusCode()).isEqualTo(302);
        page.page(path);
        assertThat(page.postForm(path + "/withdraw", Map.of()).statusCode()).isEqualTo(302);
        page.page(path);
        HttpResponse<String> again = page.postForm(path + "/signup", Map.of("role", "TRAINEE"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(page.page(path).body()).doesNotContain("500");

        Http api = new Http(port).as("rejoin@example.org", "we build tractors");
        assertThat(api.send("DELETE", "/api/v1/runs/" + run.id() + "/signups/me", "application/json", "").statusCode()).isEqualTo(204);
        HttpResponse<String> rejoined = api.json("POST", "/api/v1/runs/" + run.id() + "/signups", "{\"role\":\"TRAINEE\"}");
        assertThat(rejoined.statusCode()).as(rejoined.body()).isEqualTo(201);
        assertThat(rejoined.body()).contains("\"status\":\"CONFIRMED\"");

        Member m = members.findByEmail("rejoin@example.org").orElseThrow();
        Signup s = production.signups(run.id()).stream().filter(x -> x.memberId() == m.id()).findFirst().orElseThrow();
        assertThat(s.feeTransfer()).endsWith("-3"); // the third time in: two fees voided, one pending
        assertThat(ledger.transferById(s.feeTransfer()).status()).isEqualTo(TransferStatus.PENDING);
        assertThat(ledger.transferById(s.feeTransfer().replaceAll("-3$", "-2")).status()).isEqualTo(TransferStatus.VOIDED);
    }

    @Test
    void aFullCrewSaysWaitlistAndAWaitlistedMemberMayTakeAFreeTraineeSeatInstead() {
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(12), 1, 480, 1020, 1, 1));
        Member first = members.signUp(new SignUp("full-a@example.org", "Ann Full", "we build tractors", null, null));
        Member second = members.signUp(new SignUp("full-b@example.org", "Ben Full", "we build tractors", null, null));
        production.signUp(run.id(), first.id(), SignupRole.TRAINEE);
        Http page = new Http(port);
        page.login("full-b@example.org", "we build tractors");
        String path = "/production/runs/" + run.id();
        assertThat(page.page(path).body()).contains("Join the trainee waitlist");
        page.postForm(path + "/signup", Map.of("role", "TRAINEE"));
        assertThat(page.page(path).body()).contains("you are on their waitlist").contains("You are on the waitlist for a trainee seat");
        production.withdraw(run.id(), first.id()); // Ben moves up: a free seat is not offered to someone already seated
        assertThat(production.signups(run.id())).filteredOn(x -> x.memberId() == second.id()).extracting(Signup::status)
                .containsExactly(SignupStatus.CONFIRMED);

        Run done = production.runs().stream().filter(r -> r.status() == RunStatus.COMPLETED).findFirst().orElseThrow();
        String closed = page.page("/production/runs/" + done.id()).body();
        assertThat(closed).contains("id=\"signup-closed\"").doesNotContain("id=\"join-trainee\"").doesNotContain("id=\"join-crew\"");
    }

    @Test
    void aWaitlistedMemberTakesAFreeSeatInsteadThroughTheService() {
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(12), 1, 480, 1020, 2, 1));
        Member a = members.signUp(new SignUp("wait-a@example.org", "Al Wait", "we build tractors", null, null));
        Member b = members.signUp(new SignUp("wait-b@example.org", "Bea Wait", "we build tractors", null, null));
        production.signUp(run.id(), a.id(), SignupRole.TRAINEE);
        assertThat(production.signUp(run.id(), b.id(), SignupRole.TRAINEE).status()).isEqualTo(SignupStatus.WAITLISTED);
        Assertions.assertThatThrownBy(() -> production.signUp(run.id(), b.id(), SignupRole.TRAINEE))
                .hasMessageContaining("waitlist");
    }
}
