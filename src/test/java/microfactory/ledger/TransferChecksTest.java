package microfactory.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import microfactory.common.FieldProblem;

/** Each rule a batch of transfers must meet, without a database: one test per rule. */
class TransferChecksTest {

    private static final Account BANK = account(1, "bank", "USD", true);
    private static final Account DUES = account(2, "dues", "USD", false);
    private static final Account EURO = account(3, "euro-bank", "EUR", false);
    private static final Function<String, Account> ACCOUNTS = Map.of("bank", BANK, "dues", DUES, "euro-bank", EURO)::get;

    private static Account account(long id, String code, String currency, boolean noOverdraft) {
        return new Account(id, code, code, AccountType.ASSET, currency, noOverdraft, false, 0, 0, 0, 0, 0);
    }

    private static TransferRequest dues(String id, long amount) {
        return TransferRequest.of(id, "dues", "", PostingRequest.debit("bank", amount, "USD"),
                PostingRequest.credit("dues", amount, "USD"));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThat(fields(TransferChecks.shape(List.of()))).containsExactly("transfers");
        assertThat(fields(TransferChecks.shape(null))).containsExactly("transfers");
    }

    @Test
    void aGoodBatchHasNoProblems() {
        assertThat(TransferChecks.shape(List.of(dues("a", 100), dues("b", 5)))).isEmpty();
    }

    @Test
    void idsAreRequiredShapedAndUniqueInTheBatch() {
        assertThat(fields(TransferChecks.shape(List.of(dues(null, 1), dues("no spaces", 1), dues("x", 1), dues("x", 1)))))
                .containsExactly("transfers[0].id", "transfers[1].id", "transfers[3].id");
    }

    @Test
    void aMemberIsNamedByPseudonymNeverByEmail() {
        assertThat(TransferChecks.shape(List.of(dues("a", 1).forMember("m-4yb6b94ekw")))).isEmpty();
        List<FieldProblem> problems = TransferChecks.shape(List.of(dues("a", 1).forMember("ana@example.org")));
        assertThat(fields(problems)).containsExactly("transfers[0].member");
        assertThat(problems.get(0).message()).contains("public id");
    }

    @Test
    void aTransferNeedsACodeAndTwoPostings() {
        TransferRequest oneLeg = new TransferRequest("a", "Dues!", null, null,
                List.of(PostingRequest.debit("bank", 1, "USD")), null, null, null, null, null);
        assertThat(fields(TransferChecks.shape(List.of(oneLeg)))).containsExactly("transfers[0].code", "transfers[0].postings");
    }

    @Test
    void eachPostingNamesAnAccountASideAPositiveSafeAmountAndACurrency() {
        TransferRequest bad = new TransferRequest("a", "dues", null, null, List.of(
                new PostingRequest(" ", Side.DEBIT, 1L, "USD"),
                new PostingRequest("bank", null, 0L, "usd"),
                new PostingRequest("dues", Side.CREDIT, 1L << 53, "USD")), null, null, null, null, null);
        assertThat(fields(TransferChecks.shape(List.of(bad)))).containsExactly("transfers[0].postings[0].account",
                "transfers[0].postings[1].side", "transfers[0].postings[1].amount", "transfers[0].postings[1].currency",
                "transfers[0].postings[2].amount");
    }

    @Test
    void aTimeoutBelongsOnlyToAPendingTransfer() {
        TransferRequest posted = new TransferRequest("a", "dues", null, null, dues("a", 1).postings(), null, 60L, null, null, null);
        assertThat(fields(TransferChecks.shape(List.of(posted)))).containsExactly("transfers[0].timeoutSeconds");
        assertThat(TransferChecks.shape(List.of(dues("b", 1).asPending(60L)))).isEmpty();
        assertThat(fields(TransferChecks.shape(List.of(dues("c", 1).asPending(0L))))).containsExactly("transfers[0].timeoutSeconds");
    }

    @Test
    void aSettlementPostsOrVoidsAndHasNoPostingsOfItsOwn() {
        assertThat(TransferChecks.shape(List.of(TransferRequest.post("s", "p")))).isEmpty();
        TransferRequest both = new TransferRequest("s", "settle", "", null, dues("x", 1).postings(), null, null, "p", "p", null);
        assertThat(fields(TransferChecks.shape(List.of(both)))).containsExactly("transfers[0]", "transfers[0].postings");
    }

    @Test
    void postingsMustNameAccountsThatExistInTheirCurrency() {
        TransferRequest t = TransferRequest.of("a", "dues", "", PostingRequest.debit("nope", 5, "USD"),
                PostingRequest.credit("euro-bank", 5, "USD"));
        List<FieldProblem> problems = new ArrayList<>();
        TransferChecks.postings(t, "transfers[0]", ACCOUNTS, new BalanceChanges(), problems);
        assertThat(fields(problems)).containsExactly("transfers[0].postings[0].account", "transfers[0].postings[1].currency");
        assertThat(problems.get(1).message()).contains("holds EUR");
    }

    @Test
    void debitsMustEqualCreditsInEachCurrency() {
        TransferRequest t = TransferRequest.of("a", "dues", "", PostingRequest.debit("bank", 500, "USD"),
                PostingRequest.credit("dues", 450, "USD"));
        List<FieldProblem> problems = new ArrayList<>();
        TransferChecks.postings(t, "transfers[0]", ACCOUNTS, new BalanceChanges(), problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("transfers[0].postings");
            assertThat(p.message()).contains("unbalanced in USD").contains("5.00").contains("4.50");
        });
    }

    @Test
    void balancedPostingsAddUpPerAccountAndColumn() {
        BalanceChanges changes = new BalanceChanges();
        List<FieldProblem> problems = new ArrayList<>();
        TransferChecks.postings(dues("a", 300), "transfers[0]", ACCOUNTS, changes, problems);
        TransferChecks.postings(dues("b", 200).asPending(null), "transfers[1]", ACCOUNTS, changes, problems);
        assertThat(problems).isEmpty();
        List<String> seen = new ArrayList<>();
        changes.forEach((id, c) -> seen.add(id + ":" + c.debitsPending() + "," + c.debitsPosted() + "," + c.creditsPending()
                + "," + c.creditsPosted()));
        assertThat(seen).containsExactly("1:200,300,0,0", "2:0,0,200,300");
    }

    @Test
    void settlingMovesHeldAmountsOrReleasesThem() {
        BalanceChanges posted = new BalanceChanges();
        posted.settle(new PostingTotal(1, Side.DEBIT, 70), true);
        BalanceChanges voided = new BalanceChanges();
        voided.settle(new PostingTotal(1, Side.DEBIT, 70), false);
        List<String> seen = new ArrayList<>();
        posted.forEach((id, c) -> seen.add("post " + c.debitsPending() + "," + c.debitsPosted()));
        voided.forEach((id, c) -> seen.add("void " + c.debitsPending() + "," + c.debitsPosted()));
        assertThat(seen).containsExactly("post -70,70", "void -70,0");
    }

    @Test
    void aFlagThatWouldBreakIsNamedAndAnOverflowIsRefused() {
        BalanceChanges changes = new BalanceChanges();
        changes.add(1, Side.DEBIT, false, 100);
        assertThat(changes.flagViolation(Map.of(1L, BANK))).hasValueSatisfying(v -> assertThat(v).contains("'bank' would be overdrawn"));
        BalanceChanges fine = new BalanceChanges();
        fine.add(2, Side.CREDIT, false, 100);
        assertThat(fine.flagViolation(Map.of(2L, DUES))).isEmpty();
        BalanceChanges huge = new BalanceChanges();
        huge.add(2, Side.CREDIT, false, Long.MAX_VALUE - 50);
        assertThatThrownBy(() -> huge.add(2, Side.CREDIT, false, 100)).isInstanceOf(ArithmeticException.class);
    }
}
