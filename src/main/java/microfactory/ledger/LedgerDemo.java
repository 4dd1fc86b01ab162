package microfactory.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.DemoCalendar;
import microfactory.common.DemoData;

/**
 * The demo chapter's books from the source: 1,000 backers pledge $5,000 each (pending while the
 * campaign runs), the campaign closes and the pledges are posted and collected, and the money buys
 * the first machines. Members' dues are posted by the members feature.
 */
@Component
class LedgerDemo implements DemoData {

    static final int BACKERS = 1_000;
    static final long PLEDGE = 500_000; // $5,000.00
    private final LedgerService ledger;
    private final Clock clock;
    private final ChapterSettings chapter;

    LedgerDemo(LedgerService ledger, Clock clock, ChapterSettings chapter) {
        this.ledger = ledger;
        this.clock = clock;
        this.chapter = chapter;
    }

    @Override
    public int order() {
        return 5; // accounts first: other features post to them
    }

    @Override
    public void load() {
        open("bank", "Community bank account", AccountType.ASSET, true);
        open("crypto-wallet", "Crypto wallet", AccountType.ASSET, true);
        open("pledges-receivable", "Pledges receivable", AccountType.ASSET, true);
        open("members-receivable", "Owed by members", AccountType.ASSET, false);
        open("cash", "Cash box", AccountType.ASSET, true);
        open("machines", "Machines and tools", AccountType.ASSET, false);
        open("materials", "Materials in stock", AccountType.ASSET, false);
        open("start-up-capital", "Start-up capital", AccountType.EQUITY, false);
        open("dues-income", "Membership dues", AccountType.INCOME, false);
        open("value-share-income", "Value share (10% of production)", AccountType.INCOME, false);
        open("workshop-income", "Production workshops", AccountType.INCOME, false);
        open("sales-income", "Showroom sales", AccountType.INCOME, false);
        open("training-income", "Training fees", AccountType.INCOME, false);
        open("machine-income", "Machine time", AccountType.INCOME, false);
        open("materials-expense", "Materials", AccountType.EXPENSE, false);
        open("site-expense", "Site, power and insurance", AccountType.EXPENSE, false);

        // The campaign: pledges are pending until it closes, in batches of 100 per log entry; each is dated the day it
        // was made, over the campaign's two months, so the ledger tells the story on its real days.
        LocalDate today = chapter.today(clock);
        LocalDate closed = DemoCalendar.foundingCampaignClosed(today);
        for (int from = 1; from <= BACKERS; from += 100) {
            List<TransferRequest> batch = new ArrayList<>();
            for (int b = from; b < from + 100; b++) {
                batch.add(TransferRequest.of(pledgeId(b), "pledge", "Start-up pledge",
                        PostingRequest.debit("pledges-receivable", PLEDGE, "USD"),
                        PostingRequest.credit("start-up-capital", PLEDGE, "USD")).forMember(backer(b)).asPending(null)
                        .on(DemoCalendar.foundingPledgeDay(b - 1, BACKERS, today)));
            }
            ledger.transfer(batch);
        }
        // The campaign closes funded: post every pledge, then collect the money.
        for (int from = 1; from <= BACKERS; from += 100) {
            List<TransferRequest> batch = new ArrayList<>();
            for (int b = from; b < from + 100; b++) {
                batch.add(TransferRequest.post("post-" + pledgeId(b), pledgeId(b)).on(closed));
            }
            ledger.transfer(batch);
        }
        LocalDate founded = DemoCalendar.founded(today);
        ledger.transfer(TransferRequest.of("collect-pledges-bank", "collection", "Pledges paid by bank transfer",
                PostingRequest.debit("bank", PLEDGE * 940, "USD"), PostingRequest.credit("pledges-receivable", PLEDGE * 940, "USD"))
                .on(founded.plusDays(7)));
        ledger.transfer(TransferRequest.of("collect-pledges-crypto", "collection", "Pledges paid in crypto",
                PostingRequest.debit("crypto-wallet", PLEDGE * 60, "USD"), PostingRequest.credit("pledges-receivable", PLEDGE * 60, "USD"))
                .on(founded.plusDays(7)));

        buy("buy-torch-table", "CNC torch table, 4×8 ft", 1_850_000, founded.plusDays(14));
        buy("buy-welders", "Six MIG welders", 1_260_000, founded.plusDays(14));
        buy("buy-robot-arm", "Robot arm for repetitive welds", 4_200_000, founded.plusDays(30));
        buy("buy-printers", "Twelve open-source 3D printers", 960_000, founded.plusDays(21));
        buy("buy-ceb-press", "CEB brick press", 1_200_000, founded.plusDays(45));
        buy("buy-hydraulics", "Hydraulic test bench and crimper", 640_000, founded.plusDays(45));
        spend("site-lease-year-1", "site-expense", "Site lease, first year", 18_000_000, founded);
        spend("site-lease-year-2", "site-expense", "Site lease, second year", 18_000_000, founded.plusYears(1));
        spend("steel-stock-1", "materials-expense", "Steel tube and plate, first order", 3_400_000, founded.plusDays(20));
        spend("lumber-stock-1", "materials-expense", "Lumber for house modules", 1_150_000, founded.plusDays(60));
        spend("steel-stock-2", "materials-expense", "Steel tube and plate, second order", 2_900_000, founded.plusMonths(9));
    }

    static String pledgeId(int backer) {
        return String.format("pledge-%04d", backer);
    }

    static String backer(int b) {
        return String.format("b-%04d", b);
    }

    private void open(String code, String name, AccountType type, boolean neverNegative) {
        ledger.openAccount(StandardChart.request(new StandardChart.Line(code, name, type, neverNegative), "USD"));
    }

    private void buy(String id, String memo, long cents, LocalDate day) {
        ledger.transfer(TransferRequest.of(id, "equipment", memo,
                PostingRequest.debit("machines", cents, "USD"), PostingRequest.credit("bank", cents, "USD")).on(day));
    }

    private void spend(String id, String account, String memo, long cents, LocalDate day) {
        ledger.transfer(TransferRequest.of(id, account.replace("-expense", ""), memo,
                PostingRequest.debit(account, cents, "USD"), PostingRequest.credit("bank", cents, "USD")).on(day));
    }
}
