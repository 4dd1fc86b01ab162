package microfactory.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.Proofs;
import microfactory.support.DatabaseTest;

@DatabaseTest
class LedgerServiceTest {

    @Autowired LedgerService ledger;
    @Autowired JdbcClient jdbc;
    String cash;
    String income;

    /** Each test opens its own pair of accounts so tests do not depend on each other. */
    @BeforeEach
    void accounts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        cash = "cash-" + suffix;
        income = "sales-" + suffix;
        ledger.openAccount(new OpenAccount(cash, "Till", AccountType.ASSET, "USD", false, true));
        ledger.openAccount(new OpenAccount(income, "Sales", AccountType.INCOME, "USD", false, false));
    }

    static String id() {
        return "t-" + UUID.randomUUID();
    }

    TransferRequest sale(String id, long cents) {
        return TransferRequest.of(id, "sale", "Workshop seat", PostingRequest.debit(cash, cents, "USD"),
                PostingRequest.credit(income, cents, "USD"));
    }

    long rows() {
        return jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
    }

    @Test
    void aBalancedTransferMovesBothAccountsAndIsOneEntry() {
        long before = ledger.size();
        Recorded r = ledger.transfer(sale(id(), 25_000));
        assertThat(r.entryIndex()).isEqualTo(before);
        assertThat(ledger.size()).isEqualTo(before + 1);
        assertThat(ledger.account(cash).balance().minor()).isEqualTo(25_000);
        assertThat(ledger.account(income).balance().minor()).isEqualTo(25_000);
        assertThat(ledger.entry(r.entryIndex()).json()).startsWith("{\"at\":").contains("\"kind\":\"transfers\"");
        assertThat(ledger.trialBalance()).allMatch(TrialBalance::balanced);
    }

    @Test
    void unbalancedUnknownAccountAndCurrencyMismatchAreRefusedWithNothingAppended() {
        long before = rows();
        assertThatThrownBy(() -> ledger.transfer(TransferRequest.of(id(), "sale", "", PostingRequest.debit(cash, 100, "USD"),
                PostingRequest.credit(income, 90, "USD"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("unbalanced in USD"));
        assertThatThrownBy(() -> ledger.transfer(TransferRequest.of(id(), "sale", "", PostingRequest.debit("no-such", 100, "USD"),
                PostingRequest.credit(income, 100, "USD"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("transfers[0].postings[0].account"));
        assertThatThrownBy(() -> ledger.transfer(TransferRequest.of(id(), "sale", "", PostingRequest.debit(cash, 100, "EUR"),
                PostingRequest.credit(income, 100, "EUR"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("holds USD, not EUR"));
        assertThatThrownBy(() -> ledger.transfer(TransferRequest.of(id(), "sale", "", PostingRequest.debit(cash, -5, "USD"),
                PostingRequest.credit(income, -5, "USD"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("positive whole number");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aFlaggedAccountCannotBeOverdrawnAndNothingChanges() {
        ledger.transfer(sale(id(), 1_000));
        long before = rows();
        TransferRequest refund = TransferRequest.of(id(), "refund", "", PostingRequest.debit(income, 5_000, "USD"),
                PostingRequest.credit(cash, 5_000, "USD"));
        assertThatThrownBy(() -> ledger.transfer(refund)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'" + cash + "' would go below zero");
        assertThat(rows()).isEqualTo(before);
        assertThat(ledger.account(cash).balance().minor()).isEqualTo(1_000);
    }

    @Test
    void linkedTransfersSucceedOrFailTogether() {
        String first = id();
        long before = rows();
        List<TransferRequest> batch = List.of(sale(first, 500), TransferRequest.of(id(), "refund", "",
                PostingRequest.debit(income, 9_999, "USD"), PostingRequest.credit(cash, 9_999, "USD")));
        assertThatThrownBy(() -> ledger.transfer(batch)).isInstanceOf(ConflictException.class);
        assertThat(rows()).isEqualTo(before);
        assertThatThrownBy(() -> ledger.transferById(first)).isInstanceOf(NotFoundException.class);
        assertThat(ledger.account(cash).balance().minor()).isZero();

        Recorded both = ledger.transfer(List.of(sale(id(), 500), sale(id(), 700)));
        assertThat(both.transfers()).hasSize(2).allMatch(t -> t.entryIndex() == both.entryIndex());
    }

    @Test
    void theSameTransferSentTwiceIsRecordedOnceAndAReusedIdIsRefused() {
        String id = id();
        Recorded first = ledger.transfer(sale(id, 1_200));
        long size = ledger.size();
        Recorded again = ledger.transfer(sale(id, 1_200));
        assertThat(again.replayed()).isTrue();
        assertThat(again.entryIndex()).isEqualTo(first.entryIndex());
        assertThat(ledger.size()).isEqualTo(size);
        assertThat(ledger.account(cash).balance().minor()).isEqualTo(1_200);
        assertThatThrownBy(() -> ledger.transfer(sale(id, 1_300))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used for a different transfer");
    }

    @Test
    void pendingTransfersArePostedOrVoidedOnceAndExpire() throws Exception {
        String pledge = id();
        ledger.transfer(sale(pledge, 4_000).asPending(null));
        assertThat(ledger.account(cash).pending().minor()).isEqualTo(4_000);
        assertThat(ledger.account(cash).balance().minor()).isZero();

        ledger.transfer(TransferRequest.post(id(), pledge));
        assertThat(ledger.account(cash).balance().minor()).isEqualTo(4_000);
        assertThat(ledger.account(cash).pending().minor()).isZero();
        assertThat(ledger.transferById(pledge).status()).isEqualTo(TransferStatus.POSTED);
        assertThatThrownBy(() -> ledger.transfer(TransferRequest.voiding(id(), pledge))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("posted already");

        String voided = id();
        ledger.transfer(sale(voided, 900).asPending(null));
        ledger.transfer(TransferRequest.voiding(id(), voided));
        assertThat(ledger.account(cash).pending().minor()).isZero();
        assertThat(ledger.transferById(voided).status()).isEqualTo(TransferStatus.VOIDED);

        String expiring = id();
        long size = ledger.size();
        ledger.transfer(sale(expiring, 300).asPending(1L));
        Thread.sleep(1_100);
        ledger.expireDue(); // unless the chapter's expiry job (LedgerExpiry) got there first: either way, once
        assertThat(ledger.transferById(expiring).status()).isEqualTo(TransferStatus.EXPIRED);
        assertThat(ledger.account(cash).pending().minor()).isZero();
        assertThat(LongStream.range(size, ledger.size()).mapToObj(ledger::entry)
                .filter(e -> e.kind().equals(LedgerService.TRANSFER_EXPIRED) && e.json().contains(expiring))).hasSize(1);
        assertThatThrownBy(() -> ledger.transfer(TransferRequest.post(id(), expiring))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void eventsOfOtherFeaturesGoOnTheLogWithoutPersonalData() {
        long index = ledger.record("badge.issued", Map.of("member", "m-abc123def4", "skill", "welding", "level", 2));
        assertThat(ledger.entry(index).json()).contains("\"data\":{\"level\":2,\"member\":\"m-abc123def4\",\"skill\":\"welding\"}");
        long before = rows();
        assertThatThrownBy(() -> ledger.record("badge.issued", Map.of("member", "ada@example.org")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("never by email");
        assertThatThrownBy(() -> ledger.record("transfers", Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.transfer(sale(id(), 10).forMember("Ada Okafor")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("public id");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void eightWritersAppendWithoutGapsOrDuplicatesAndTheBooksBalance() throws Exception {
        long before = ledger.size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    if (i % 5 == 0) {
                        ledger.record("test.tick", Map.of("writer", writer, "i", i));
                    } else {
                        ledger.transfer(sale(id(), 100 + i));
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long after = ledger.size();
        assertThat(after - before).isEqualTo(200);
        assertThat(jdbc.sql("select count(distinct idx) from ledger_entry").query(Long.class).single()).isEqualTo(after);
        assertThat(jdbc.sql("select max(idx) from ledger_entry").query(Long.class).single()).isEqualTo(after - 1);
        assertThat(ledger.trialBalance()).allMatch(TrialBalance::balanced);
        // The in-memory tree agrees with the stored entries: every proof checks against the checkpoint root.
        for (long i = before; i < after; i += 17) {
            InclusionProof p = ledger.inclusionProof(i, after);
            assertThat(Proofs.checkInclusion(i, after,
                    Hashes.leaf(ledger.entry(i).body()),
                    p.proof().stream().map(Base64.getDecoder()::decode).toList(),
                    Base64.getDecoder().decode(p.root()))).isEmpty();
        }
    }
}
