package microfactory.ledger.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes {@link Economics} from ledger entries fed in log order — the same code on the server and in the offline
 * {@code ledger report}, so both print the same figures. Reads only what the public log holds: accounts opened,
 * transfers (a pending one counts when it is posted, on that day), expiries, units produced with their value, and
 * memberships. Entries it does not know are skipped.
 */
public final class EconomicsReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Account(String name, String type, String currency) {
    }

    private record Posting(String account, boolean debit, long amount, String currency) {
    }

    private record Membership(String member, LocalDate starts, LocalDate ends) {
    }

    private static final class MonthTotals {
        long capital;
        long value;
        final Map<String, Long> income = new TreeMap<>();
        final Map<String, Long> expenses = new TreeMap<>();
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, List<Posting>> pending = new HashMap<>();
    private final TreeMap<YearMonth, MonthTotals> months = new TreeMap<>();
    private final TreeMap<LocalDate, Long> valueByDay = new TreeMap<>();
    private final Map<String, Long> income = new TreeMap<>();
    private final Map<String, Long> expenses = new TreeMap<>();
    private final List<Membership> memberships = new ArrayList<>();
    private String currency;
    private long entries;
    private Instant last;
    private LocalDate since;
    private long capital;
    private long units;
    private long unitsValued;
    private long value;

    /** How many entries were fed: the next one to feed is entry {@code fed()}. */
    public long fed() {
        return entries;
    }

    /** Feeds the next entry (its canonical JSON bytes). */
    public void accept(byte[] entry) {
        JsonNode e = JSON.readTree(entry);
        entries++;
        Instant at = Instant.parse(e.path("at").asString(Instant.EPOCH.toString()));
        last = at;
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        switch (e.path("kind").asString("")) {
            case "account.opened" -> opened(e.path("account"));
            case "transfers" -> e.path("transfers").forEach(t -> transfer(t, day));
            case "transfer.expired" -> pending.remove(e.path("pending").asString(""));
            case "unit.produced" -> produced(e.path("data"), day);
            case "membership.started" -> membership(e.path("data"));
            default -> { }
        }
        seen(day);
    }

    private void seen(LocalDate day) {
        since = since == null || day.isBefore(since) ? day : since;
    }

    private void opened(JsonNode a) {
        String code = a.path("code").asString("");
        accounts.put(code, new Account(a.path("name").asString(code), a.path("type").asString(""), a.path("currency").asString("")));
        currency = currency == null ? a.path("currency").asString(null) : currency;
    }

    private void transfer(JsonNode t, LocalDate entryDay) {
        LocalDate day = t.hasNonNull("date") ? LocalDate.parse(t.path("date").asString()) : entryDay;
        seen(day);
        if (t.hasNonNull("post")) {
            List<Posting> held = pending.remove(t.path("post").asString());
            if (held != null) {
                held.forEach(p -> apply(p, day));
            }
            return;
        }
        if (t.hasNonNull("void")) {
            pending.remove(t.path("void").asString());
            return;
        }
        List<Posting> postings = new ArrayList<>();
        for (JsonNode p : t.path("postings")) {
            postings.add(new Posting(p.path("account").asString(""), "debit".equals(p.path("side").asString("")),
                    p.path("amount").asLong(), p.path("currency").asString("")));
        }
        if (t.path("pending").asBoolean(false)) {
            pending.put(t.path("id").asString(""), postings);
        } else {
            postings.forEach(p -> apply(p, day));
        }
    }

    private void apply(Posting p, LocalDate day) {
        Account a = accounts.get(p.account());
        if (a == null || !p.currency().equals(currency)) {
            return; // another currency: reported in the main one only
        }
        long credit = p.debit() ? -p.amount() : p.amount();
        MonthTotals m = months.computeIfAbsent(YearMonth.from(day), k -> new MonthTotals());
        switch (a.type()) {
            case "EQUITY" -> {
                capital += credit;
                m.capital += credit;
            }
            case "INCOME" -> {
                income.merge(p.account(), credit, Long::sum);
                m.income.merge(p.account(), credit, Long::sum);
            }
            case "EXPENSE" -> {
                expenses.merge(p.account(), -credit, Long::sum);
                m.expenses.merge(p.account(), -credit, Long::sum);
            }
            default -> { }
        }
    }

    private void produced(JsonNode data, LocalDate day) {
        units++;
        if (data.hasNonNull("valueMinor") && data.path("currency").asString("").equals(currency)) {
            long v = data.path("valueMinor").asLong();
            unitsValued++;
            value += v;
            months.computeIfAbsent(YearMonth.from(day), k -> new MonthTotals()).value += v;
            valueByDay.merge(day, v, Long::sum);
        }
    }

    private void membership(JsonNode data) {
        String starts = data.path("starts").asString(null);
        if (starts == null) {
            return;
        }
        String ends = data.path("ends").asString(null);
        memberships.add(new Membership(data.path("member").asString(""), LocalDate.parse(starts), ends == null ? null : LocalDate.parse(ends)));
    }

    /** The figures so far. */
    public Economics result() {
        LocalDate today = last == null ? LocalDate.EPOCH : last.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = since == null ? today : since;
        long days = ChronoUnit.DAYS.between(start, today) + 1;
        long perDay = value / days;
        LocalDate reached = null;
        long running = 0;
        for (var d : valueByDay.entrySet()) {
            running += d.getValue();
            if (capital > 0 && running >= capital) {
                reached = d.getKey();
                break;
            }
        }
        LocalDate projected = reached != null ? reached
                : perDay > 0 && capital > 0 ? today.plusDays((capital - value + perDay - 1) / perDay) : null;
        double years = memberYears(today);
        List<Economics.Month> monthly = new ArrayList<>();
        long capitalToDate = 0;
        long valueToDate = 0;
        for (var m : months.entrySet()) {
            MonthTotals t = m.getValue();
            capitalToDate += t.capital;
            valueToDate += t.value;
            monthly.add(new Economics.Month(m.getKey().toString(), t.capital, t.value, sum(t.income), sum(t.expenses),
                    new LinkedHashMap<>(t.income), new LinkedHashMap<>(t.expenses), capitalToDate, valueToDate));
        }
        long held = 0;
        for (List<Posting> ps : pending.values()) {
            for (Posting p : ps) {
                Account a = accounts.get(p.account());
                if (a != null && "EQUITY".equals(a.type()) && p.currency().equals(currency)) {
                    held += p.debit() ? -p.amount() : p.amount();
                }
            }
        }
        return new Economics(currency, last, entries, since, days, capital, held, units, unitsValued, value, sum(income),
                sum(expenses), categories(income), categories(expenses), perDay, reached, projected, years,
                years > 0 ? Math.round(value / years) : null, monthly);
    }

    /** Member-years up to {@code today}: each membership from its start to its end, or to the member's next one, or today. */
    private double memberYears(LocalDate today) {
        Map<String, List<Membership>> byMember = new HashMap<>();
        memberships.forEach(m -> byMember.computeIfAbsent(m.member(), k -> new ArrayList<>()).add(m));
        long memberDays = 0;
        for (List<Membership> list : byMember.values()) {
            list.sort((a, b) -> a.starts().compareTo(b.starts()));
            for (int i = 0; i < list.size(); i++) {
                Membership m = list.get(i);
                LocalDate end = m.ends() == null ? today : m.ends().plusDays(1);
                if (i + 1 < list.size() && list.get(i + 1).starts().isBefore(end)) {
                    end = list.get(i + 1).starts();
                }
                end = end.isAfter(today) ? today : end;
                memberDays += Math.max(0, ChronoUnit.DAYS.between(m.starts(), end));
            }
        }
        return BigDecimal.valueOf(memberDays).divide(BigDecimal.valueOf(365.25), 2, RoundingMode.HALF_EVEN).doubleValue();
    }

    private List<Economics.Category> categories(Map<String, Long> totals) {
        return totals.entrySet().stream().map(e -> new Economics.Category(e.getKey(),
                accounts.containsKey(e.getKey()) ? accounts.get(e.getKey()).name() : e.getKey(), e.getValue())).toList();
    }

    private static long sum(Map<String, Long> totals) {
        return totals.values().stream().mapToLong(Long::longValue).sum();
    }
}
