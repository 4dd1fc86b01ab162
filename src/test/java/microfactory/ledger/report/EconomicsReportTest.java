package microfactory.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The economics follow from the log alone: capital when pledges are posted, value from units, payback from the rate. */
class EconomicsReportTest {

    private static byte[] entry(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static EconomicsReport chapter() {
        EconomicsReport r = new EconomicsReport();
        for (String[] a : new String[][] {{"bank", "ASSET"}, {"pledges", "ASSET"}, {"capital", "EQUITY"}, {"dues", "INCOME"},
                {"site", "EXPENSE"}}) {
            r.accept(entry("{'account':{'code':'" + a[0] + "','currency':'USD','flags':[],'name':'" + a[0] + " account','type':'"
                    + a[1] + "'},'at':'2025-01-01T10:00:00Z','kind':'account.opened'}"));
        }
        return r;
    }

    private static String pledge(String id, long amount, String date) {
        return "{'date':'" + date + "','id':'" + id + "','pending':true,'code':'pledge','postings':["
                + "{'account':'pledges','amount':" + amount + ",'currency':'USD','side':'debit'},"
                + "{'account':'capital','amount':" + amount + ",'currency':'USD','side':'credit'}]}";
    }

    @Test
    void pledgesCountAsCapitalWhenPostedOnTheDayTheyArePostedAndVoidedOnesNever() {
        EconomicsReport r = chapter();
        r.accept(entry("{'at':'2025-01-02T10:00:00Z','kind':'transfers','transfers':[" + pledge("p1", 600, "2024-12-20") + ","
                + pledge("p2", 400, "2024-12-21") + "," + pledge("p3", 50, "2024-12-22") + "]}"));
        assertThat(r.result().capitalRaisedMinor()).isZero();
        assertThat(r.result().pledgesHeldMinor()).isEqualTo(1050);
        r.accept(entry("{'at':'2025-02-03T10:00:00Z','kind':'transfers','transfers':[{'id':'x1','post':'p1'},{'id':'x2','post':'p2'},"
                + "{'id':'x3','void':'p3'}]}"));
        Economics e = r.result();
        assertThat(e.capitalRaisedMinor()).isEqualTo(1000);
        assertThat(e.pledgesHeldMinor()).isZero();
        assertThat(e.since()).isEqualTo(LocalDate.parse("2024-12-20"));
        assertThat(e.months()).extracting(Economics.Month::month).containsExactly("2025-02");
        assertThat(e.months().get(0).capitalRaisedMinor()).isEqualTo(1000);
    }

    @Test
    void incomeAndExpensesByAccountAndMonthAndOtherCurrenciesLeftOut() {
        EconomicsReport r = chapter();
        r.accept(entry("{'at':'2025-03-05T10:00:00Z','kind':'transfers','transfers':[{'id':'d1','code':'dues','postings':["
                + "{'account':'bank','amount':500,'currency':'USD','side':'debit'},{'account':'dues','amount':500,'currency':'USD','side':'credit'}]},"
                + "{'id':'s1','code':'site','date':'2025-02-27','postings':["
                + "{'account':'site','amount':120,'currency':'USD','side':'debit'},{'account':'bank','amount':120,'currency':'USD','side':'credit'}]},"
                + "{'id':'e1','code':'dues','postings':["
                + "{'account':'bank','amount':9,'currency':'EUR','side':'debit'},{'account':'dues','amount':9,'currency':'EUR','side':'credit'}]}]}"));
        Economics e = r.result();
        assertThat(e.incomeMinor()).isEqualTo(500);
        assertThat(e.expensesMinor()).isEqualTo(120);
        assertThat(e.income()).containsExactly(new Economics.Category("dues", "dues account", 500));
        assertThat(e.months()).extracting(Economics.Month::month).containsExactly("2025-02", "2025-03");
        assertThat(e.months().get(0).expenses()).containsEntry("site", 120L);
    }

    @Test
    void paybackIsProjectedAtTheRateSoFarAndReachedWhenValueMatchesTheCapital() {
        EconomicsReport r = chapter();
        r.accept(entry("{'at':'2025-01-10T10:00:00Z','kind':'transfers','transfers':[" + pledge("p1", 10_000, "2025-01-01") + "]}"));
        r.accept(entry("{'at':'2025-01-10T10:00:01Z','kind':'transfers','transfers':[{'id':'x1','post':'p1'}]}"));
        // 1,000 of value on day 10 of the chapter's life: 100 a day, 9,000 to go: 90 more days.
        r.accept(entry("{'at':'2025-01-10T12:00:00Z','data':{'serial':'A-1','valueMinor':1000,'currency':'USD','shares':[]},'kind':'unit.produced'}"));
        Economics e = r.result();
        assertThat(e.days()).isEqualTo(10);
        assertThat(e.valuePerDayMinor()).isEqualTo(100);
        assertThat(e.paybackReachedOn()).isNull();
        assertThat(e.paybackProjectedOn()).isEqualTo(LocalDate.parse("2025-04-10"));
        r.accept(entry("{'at':'2025-03-01T12:00:00Z','data':{'serial':'A-2','valueMinor':9500,'currency':'USD'},'kind':'unit.produced'}"));
        r.accept(entry("{'at':'2025-03-02T12:00:00Z','data':{'serial':'A-3'},'kind':'unit.produced'}"));
        e = r.result();
        assertThat(e.paybackReachedOn()).isEqualTo(LocalDate.parse("2025-03-01"));
        assertThat(e.unitsProduced()).isEqualTo(3);
        assertThat(e.unitsValued()).isEqualTo(2);
        assertThat(e.months().get(e.months().size() - 1).valueToDateMinor()).isEqualTo(10_500);
    }

    @Test
    void memberYearsRunFromEachMembershipToItsEndOrTheNextOrTheLastEntry() {
        EconomicsReport r = chapter();
        r.accept(entry("{'at':'2025-01-01T10:00:00Z','data':{'member':'m-aaa','starts':'2024-01-01','ends':null},'kind':'membership.started'}"));
        r.accept(entry("{'at':'2025-01-01T10:00:00Z','data':{'member':'m-aaa','starts':'2024-07-01','ends':null},'kind':'membership.started'}"));
        r.accept(entry("{'at':'2025-01-01T10:00:00Z','data':{'member':'m-bbb','starts':'2024-01-01','ends':'2024-06-30'},'kind':'membership.started'}"));
        r.accept(entry("{'at':'2025-01-01T10:00:00Z','data':{'member':'m-ccc','starts':'2026-01-01','ends':null},'kind':'membership.started'}"));
        // m-aaa: 2024-01-01 .. 2025-01-01 = 366 days; m-bbb: 182 days; m-ccc: not yet.
        assertThat(r.result().memberYears()).isEqualTo(1.50);
    }
}
