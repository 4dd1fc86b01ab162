package microfactory.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ChapterSettings;
import microfactory.learning.LearningService;
import microfactory.ledger.LedgerService;
import microfactory.ledger.TransferStatus;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.PlanKind;
import microfactory.members.PlanService;
import microfactory.members.SignUp;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunStatus;
import microfactory.production.ValueGenerated;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Statements, payments, bank statements, reminders and lapse: the money members owe and pay, each on the ledger. */
@DatabaseTest
class BillingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired BillingService billing;
    @Autowired BillingRepository bills;
    @Autowired MemberService members;
    @Autowired PlanService plans;
    @Autowired LedgerService ledger;
    @Autowired ProductionService production;
    @Autowired ChapterSettings chapter;
    @Autowired ValueGenerated generated;
    @Autowired LearningService learning;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    Member named(String name) {
        return members.search(name, null, 0).get(0).member();
    }

    JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Test
    void aMemberReadsTheirStatementAndOnlyTheirs() {
        var mia = new Http(port).as("member@demo.local", "demo-member");
        var mine = mia.get("/api/v1/members/me/statement");
        assertThat(mine.statusCode()).isEqualTo(200);
        JsonNode s = json(mine.body());
        assertThat(s.path("invoices").size()).isPositive();
        assertThat(s.path("invoices").get(0).path("kind").asString()).isEqualTo("DUES");
        assertThat(s.path("invoices").get(0).path("reference").asString()).startsWith("MF-");
        assertThat(s.path("owedMinor").asLong()).isZero();
        Member tomas = named("Tomás Álvarez");
        assertThat(mia.get("/api/v1/members/" + tomas.publicId() + "/statement").statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/members/me/statement").statusCode()).isEqualTo(401);
        var page = new Http(port);
        page.login("member@demo.local", "demo-member");
        assertThat(page.page("/billing/statement").body()).contains("Your statement").contains("MF-");
        assertThat(page.page("/profile").body()).contains("Your bills").contains("Value you generated");
    }

    @Test
    void anInvoiceLongOverdueIsRemindedAndPausesTheMembershipAndPayingMoreThanOwedRestoresItAndKeepsTheRestAsCredit() {
        Member tomas = named("Tomás Álvarez");
        JsonNode before = json(steward().get("/api/v1/members/" + tomas.publicId() + "/statement").body());
        assertThat(before.path("overdueMinor").asLong()).isPositive();
        assertThat(before.path("lapsed").asBoolean()).isTrue();
        assertThat(members.currentMembership(tomas.id()).orElseThrow().rightsHold()).isFalse();
        assertThatThrownBy(() -> learning.submit(tomas.id(), "shop-safety", Map.of(1L, "a"), UUID.randomUUID().toString()))
            .hasMessageContaining("paused for an unpaid bill");
        String reference = before.path("invoices").get(0).path("reference").asString();
        long owed = before.path("owedMinor").asLong();

        var paid = steward().json("POST", "/api/v1/billing/payments", "{\"member\": \"" + tomas.publicId() + "\", \"amountMinor\": "
                + (owed + 12_345) + ", \"method\": \"CASH\", \"reference\": \"receipt 77\", \"invoice\": \"" + reference + "\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        long id = json(paid.body()).path("id").asLong();
        JsonNode after = json(steward().get("/api/v1/members/" + tomas.publicId() + "/statement").body());
        assertThat(after.path("owedMinor").asLong()).isZero();
        assertThat(after.path("creditMinor").asLong()).isEqualTo(12_345);
        assertThat(after.path("lapsed").asBoolean()).isFalse();
        assertThat(members.currentMembership(tomas.id()).orElseThrow().rightsHold()).isTrue();
        var transfer = ledger.transferById("payment-" + id);
        assertThat(transfer.status()).isEqualTo(TransferStatus.POSTED);
        assertThat(transfer.member()).isEqualTo(tomas.publicId());
        assertThat(ledger.latest("membership.restored", tomas.publicId(), null, 5)).isNotEmpty();
    }

    @Test
    void aPaymentThatCannotBeRightIsRefusedNamingTheFieldAndNothingIsRecorded() {
        Member mia = members.findByEmail("member@demo.local").orElseThrow();
        int payments = bills.payments(mia.id()).size();
        String base = "{\"member\": \"" + mia.publicId() + "\", \"method\": \"CASH\", ";
        var zero = steward().json("POST", "/api/v1/billing/payments", base + "\"amountMinor\": 0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("amountMinor");
        assertThat(steward().json("POST", "/api/v1/billing/payments", base + "\"amountMinor\": 10.5}").body()).contains("whole number");
        assertThat(steward().json("POST", "/api/v1/billing/payments", base + "\"amountMinor\": 100, \"currency\": \"EUR\"}").body())
            .contains("currency").contains("bills in USD");
        assertThat(steward().json("POST", "/api/v1/billing/payments", base + "\"amountMinor\": 100, \"invoice\": \"MF-999999\"}").body())
            .contains("no invoice MF-999999");
        assertThat(steward().json("POST", "/api/v1/billing/payments", base + "\"amountMinor\": 100, \"receivedOn\": \""
                + LocalDate.now().plusDays(5) + "\"}").body()).contains("receivedOn");
        assertThat(steward().json("POST", "/api/v1/billing/payments", "{\"member\": \"m-nobody\", \"amountMinor\": 100, \"method\": \"CASH\"}")
            .statusCode()).isEqualTo(400);
        assertThat(new Http(port).as("member@demo.local", "demo-member")
            .json("POST", "/api/v1/billing/payments", base + "\"amountMinor\": 100}").statusCode()).isEqualTo(403);
        assertThat(bills.payments(mia.id())).hasSize(payments);
    }

    @Test
    void aBankStatementPaysTheInvoicesItNamesKeepsTheRestForAStewardAndImportingItAgainChangesNothing() {
        Member marcin = named("Marcin Jakubowski");
        JsonNode s = json(steward().get("/api/v1/members/" + marcin.publicId() + "/statement").body());
        JsonNode open = s.path("invoices").get(0);
        assertThat(open.path("owedMinor").asLong()).as("the demo paid half of Marcin's latest").isPositive();
        String csv = "Date,Amount,Currency,Reference,Name\n" + LocalDate.now().minusDays(1) + ","
                + open.path("owedMinor").asLong() / 100 + "." + String.format("%02d", open.path("owedMinor").asLong() % 100)
                + ",USD,Rest of " + open.path("reference").asString() + ",M. Jakubowski\n"
                + LocalDate.now().minusDays(1) + ",42.00,USD,no reference at all,Someone\n";
        var first = steward().send("POST", "/api/v1/billing/bank-statements", "text/csv", csv);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode r = json(first.body());
        assertThat(r.path("matched").size()).isEqualTo(1);
        assertThat(r.path("unmatched").size()).isEqualTo(1);
        assertThat(json(steward().get("/api/v1/members/" + marcin.publicId() + "/statement").body()).path("owedMinor").asLong()).isZero();

        JsonNode again = json(steward().send("POST", "/api/v1/billing/bank-statements", "text/csv", csv).body());
        assertThat(again.path("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.path("matched").size()).isZero();

        long line = r.path("unmatched").get(0).path("id").asLong();
        Member mia = members.findByEmail("member@demo.local").orElseThrow();
        var assigned = steward().json("POST", "/api/v1/billing/bank-lines/" + line + "/assign", "{\"member\": \"" + mia.publicId() + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(json(assigned.body()).path("amountMinor").asLong()).isEqualTo(4_200);
        assertThat(steward().json("POST", "/api/v1/billing/bank-lines/" + line + "/assign", "{\"member\": \"" + mia.publicId() + "\"}")
            .statusCode()).isEqualTo(409);
    }

    @Test
    void aFileWithABadLineIsRefusedWithItsLineAndNothingIsImported() {
        int unmatched = billing.unmatchedLines().size();
        String csv = "Date,Amount,Reference\n2026-11-01,5.00,fine\n2026-11-02,five,broken\n";
        var refused = steward().send("POST", "/api/v1/billing/bank-statements", "text/csv", csv);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("line 3").contains("five");
        assertThat(billing.unmatchedLines()).hasSize(unmatched);
        var notAStatement = steward().send("POST", "/api/v1/billing/bank-statements", "application/xml", "<?xml version=\"1.0\"?><a/>");
        assertThat(notAStatement.statusCode()).isEqualTo(400);
        assertThat(notAStatement.body()).contains("camt.053");
    }

    @Test
    void aNewcomerOnValueShareSeesTheirStatementInTheEveningWhenTheServersDayIsAlreadyTomorrow() {
        // 20:30 in the chapter's zone, already the next day in UTC (the server's zone here and in CI)
        Instant evening = LocalDate.of(2026, 12, 5).atTime(20, 30).atZone(chapter.zone()).toInstant();
        assertThat(LocalDate.ofInstant(evening, ZoneOffset.UTC)).as("the chapter lies west of UTC").isAfter(LocalDate.of(2026, 12, 5));
        TestClock.at(evening);
        Member robin = members.signUp(new SignUp("robin.evening@example.org", "Robin Evening", "we build tractors", "value-share", null));
        assertThat(members.currentMembership(robin.id()).orElseThrow().startsOn()).isEqualTo(LocalDate.of(2026, 12, 5));
        Statement statement = billing.statement(robin.id());
        assertThat(statement.asOf()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(statement.accruing().from()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(statement.accruing().valueMinor()).isZero();
    }

    @Test
    void aValueShareMembersMonthIsBilledAtTheirPlansShareOfTheValueTheyBuilt() {
        Run workshop = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
            .findFirst().orElseThrow();
        List<Member> valueShareBuilders = production.units(workshop.id()).stream().flatMap(u -> u.builders().stream()).distinct()
            .map(p -> members.findByPublicId(p).orElseThrow())
            .filter(m -> members.currentMembership(m.id()).map(ms -> plans.get(ms.planCode()).kind() == PlanKind.VALUE_SHARE).orElse(false))
            .toList();
        assertThat(valueShareBuilders).as("the demo's printer workshop had a value-share member in its crew").isNotEmpty();
        Member builder = valueShareBuilders.get(0);
        JsonNode accruing = json(steward().get("/api/v1/members/" + builder.publicId() + "/statement").body()).path("accruing");
        long value = accruing.path("valueMinor").asLong();
        assertThat(value).isPositive();
        assertThat(accruing.path("shareMinor").asLong()).isEqualTo(BillingService.share(value, 1000));

        YearMonth thisMonth = YearMonth.now(chapter.zone());
        long monthValue = generated.of(builder.publicId(), thisMonth.atDay(1), thisMonth.atEndOfMonth()).totalMinor();
        TestClock.at(thisMonth.plusMonths(1).atDay(2).atTime(9, 0).atZone(chapter.zone()).toInstant());
        billing.issueDue(billing.today());
        List<Invoice> shares = bills.invoices(builder.id()).stream()
            .filter(i -> i.kind() == InvoiceKind.VALUE_SHARE && i.periodStart().equals(thisMonth.atDay(1))).toList();
        assertThat(shares).hasSize(1);
        Invoice share = shares.get(0);
        assertThat(share.amountMinor()).isEqualTo(BillingService.share(monthValue, 1000)).isGreaterThanOrEqualTo(BillingService.share(value, 1000));
        assertThat(share.description()).contains("10 %");
        assertThat(ledger.transferById("invoice-" + share.id()).member()).isEqualTo(builder.publicId());
        int issued = billing.issueDue(billing.today());
        assertThat(issued).isZero();
    }

    @Test
    void theStewardsDeskListsUnpaidBillsAndTakesAPaymentWithProblemsBesideTheFields() {
        var desk = new Http(port);
        desk.login("steward@demo.local", "demo-steward");
        var page = desk.page("/billing");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Unpaid invoices").contains("Import a bank statement").contains("Donation for the tool library");
        var bad = desk.postForm("/billing/payments", Map.of("member", "m-nobody", "amount", "lots", "method", "CASH"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"member-error\"").contains("id=\"amount-error\"");
        var member = new Http(port);
        member.login("member@demo.local", "demo-member");
        assertThat(member.page("/billing").statusCode()).isEqualTo(403);
    }
}
