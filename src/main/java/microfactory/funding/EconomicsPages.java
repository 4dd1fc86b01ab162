package microfactory.funding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import microfactory.common.ChapterSettings;
import microfactory.common.CsvRecords;
import microfactory.common.Money;
import microfactory.common.SourceYardsticks;
import microfactory.ledger.LedgerEconomics;
import microfactory.ledger.report.Economics;

/** The economics page (payback curve, funding bar, public budget) and the budget as CSV. */
@Controller
class EconomicsPages {

    private final LedgerEconomics economics;
    private final CampaignService campaigns;
    private final ChapterSettings chapter;

    EconomicsPages(LedgerEconomics economics, CampaignService campaigns, ChapterSettings chapter) {
        this.economics = economics;
        this.campaigns = campaigns;
        this.chapter = chapter;
    }

    @GetMapping("/funding/economics")
    String page(Model model) {
        Economics e = economics.economics();
        long target = perDayTarget(e.currency());
        model.addAttribute("e", e);
        model.addAttribute("curve", PaybackCurve.of(e, target));
        model.addAttribute("targetSet", chapter.productionPerDayTargetMinor() != null);
        model.addAttribute("perDayTarget", target);
        model.addAttribute("memberYearMark", SourceYardsticks.CURRENCY.equals(e.currency()) ? SourceYardsticks.VALUE_PER_MEMBER_YEAR_MINOR : 0);
        model.addAttribute("open", campaigns.campaigns().stream().filter(c -> c.status() == CampaignStatus.OPEN).toList());
        return "funding/economics";
    }

    /** Income and expenses by account and month, as Open Collective shows a collective's budget. */
    @GetMapping("/funding/economics/budget.csv")
    ResponseEntity<String> budget() {
        Economics e = economics.economics();
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        e.income().forEach(c -> names.put(c.account(), c.name()));
        e.expenses().forEach(c -> names.put(c.account(), c.name()));
        for (Economics.Month m : e.months()) {
            m.income().forEach((account, minor) -> rows.add(row(m.month(), "income", account, names, minor, e.currency())));
            m.expenses().forEach((account, minor) -> rows.add(row(m.month(), "expense", account, names, minor, e.currency())));
        }
        String csv = CsvRecords.write(List.of("month", "kind", "account", "name", "amount_minor", "amount", "currency"), rows);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"budget.csv\"").body(csv);
    }

    private static List<String> row(String month, String kind, String account, Map<String, String> names, long minor, String currency) {
        return List.of(month, kind, account, names.getOrDefault(account, account), Long.toString(minor),
                Money.of(minor, currency).plain(), currency);
    }

    private long perDayTarget(String currency) {
        Long set = chapter.productionPerDayTargetMinor();
        if (set != null) {
            return set;
        }
        return SourceYardsticks.CURRENCY.equals(currency) ? SourceYardsticks.VALUE_PER_DAY_MINOR : 0;
    }
}
