package microfactory.ledger.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * Replays the books from the log alone, as an auditor would: accounts must be opened before use,
 * every transfer balances per currency in its accounts' currencies, pending transfers settle once,
 * and no flagged account is ever overdrawn.
 */
final class Books {

    private static final long MAX = 9_007_199_254_740_991L;

    private static final class Acct {
        final String currency;
        final boolean debitsLimit;
        final boolean creditsLimit;
        long debitsPending;
        long debitsPosted;
        long creditsPending;
        long creditsPosted;

        Acct(String currency, boolean debitsLimit, boolean creditsLimit) {
            this.currency = currency;
            this.debitsLimit = debitsLimit;
            this.creditsLimit = creditsLimit;
        }
    }

    private final Map<String, Acct> accounts = new HashMap<>();
    private final Set<String> transferIds = new HashSet<>();
    private final Map<String, JsonNode> pending = new HashMap<>(); // unsettled pending transfers
    private final Map<String, long[]> totals = new TreeMap<>();

    /** Applies one entry; returns why it breaks the books, or null. */
    String apply(JsonNode entry) {
        if (!entry.path("kind").isString() || !entry.path("at").isString()) {
            return "an entry needs a \"kind\" and an \"at\" timestamp";
        }
        return switch (entry.get("kind").asString()) {
            case "account.opened" -> open(entry.path("account"));
            case "transfers" -> transfers(entry.path("transfers"));
            case "transfer.expired" -> settle(entry.path("pending").asString(""), false);
            default -> entry.path("data").isObject() ? null : "an event entry carries a \"data\" object";
        };
    }

    private String open(JsonNode a) {
        String code = a.path("code").asString("");
        if (code.isEmpty() || accounts.containsKey(code)) {
            return "account '" + code + "' is opened twice or has no code";
        }
        Set<String> flags = new HashSet<>();
        a.path("flags").values().forEach(f -> flags.add(f.asString()));
        accounts.put(code, new Acct(a.path("currency").asString(""), flags.contains("debits_must_not_exceed_credits"),
                flags.contains("credits_must_not_exceed_debits")));
        return null;
    }

    private String transfers(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return "a transfers entry holds at least one transfer";
        }
        Set<String> touched = new HashSet<>();
        for (JsonNode t : list.values()) {
            String id = t.path("id").asString("");
            if (id.isEmpty() || !transferIds.add(id)) {
                return "transfer '" + id + "' appears twice";
            }
            String why;
            if (t.has("post") || t.has("void")) {
                why = settle(t.has("post") ? t.get("post").asString() : t.get("void").asString(), t.has("post"));
                if (why == null) {
                    t.path("postings").values().forEach(p -> touched.add(p.path("account").asString()));
                }
            } else {
                why = postings(t, touched);
            }
            if (why != null) {
                return "transfer '" + id + "': " + why;
            }
        }
        for (String code : touched) {
            Acct a = accounts.get(code);
            if (a != null && a.debitsLimit && a.debitsPending + a.debitsPosted > a.creditsPosted) {
                return "account '" + code + "' is overdrawn (debits exceed credits)";
            }
            if (a != null && a.creditsLimit && a.creditsPending + a.creditsPosted > a.debitsPosted) {
                return "account '" + code + "' goes below zero (credits exceed debits)";
            }
        }
        return null;
    }

    private String postings(JsonNode t, Set<String> touched) {
        JsonNode postings = t.path("postings");
        if (postings.size() < 2) {
            return "needs at least one debit and one credit";
        }
        boolean isPending = t.path("pending").asBoolean(false);
        Map<String, long[]> balance = new TreeMap<>();
        for (JsonNode p : postings.values()) {
            String code = p.path("account").asString("");
            Acct a = accounts.get(code);
            if (a == null) {
                return "account '" + code + "' was never opened";
            }
            String currency = p.path("currency").asString("");
            if (!a.currency.equals(currency)) {
                return "posts " + currency + " to account '" + code + "', which holds " + a.currency;
            }
            long amount = p.path("amount").asLong(0);
            if (amount <= 0 || amount > MAX) {
                return "has an amount that is not a positive whole number";
            }
            boolean debit = p.path("side").asString("").equals("debit");
            if (!debit && !p.path("side").asString("").equals("credit")) {
                return "has a posting that is neither debit nor credit";
            }
            balance.computeIfAbsent(currency, c -> new long[2])[debit ? 0 : 1] += amount;
            if (debit) {
                if (isPending) {
                    a.debitsPending += amount;
                } else {
                    a.debitsPosted += amount;
                }
            } else if (isPending) {
                a.creditsPending += amount;
            } else {
                a.creditsPosted += amount;
            }
            touched.add(code);
        }
        for (var e : balance.entrySet()) {
            if (e.getValue()[0] != e.getValue()[1]) {
                return "does not balance in " + e.getKey() + ": debits " + e.getValue()[0] + ", credits " + e.getValue()[1];
            }
            if (!isPending) {
                long[] total = totals.computeIfAbsent(e.getKey(), c -> new long[2]);
                total[0] += e.getValue()[0];
                total[1] += e.getValue()[1];
            }
        }
        if (isPending) {
            pending.put(t.path("id").asString(), t);
        }
        return null;
    }

    /** Posts (or releases) a pending transfer's amounts, once. */
    private String settle(String pendingId, boolean post) {
        JsonNode t = pending.remove(pendingId);
        if (t == null) {
            return "settles '" + pendingId + "', which is not an open pending transfer";
        }
        for (JsonNode p : t.path("postings").values()) {
            Acct a = accounts.get(p.path("account").asString());
            long amount = p.path("amount").asLong();
            if (p.path("side").asString().equals("debit")) {
                a.debitsPending -= amount;
                if (post) {
                    a.debitsPosted += amount;
                }
            } else {
                a.creditsPending -= amount;
                if (post) {
                    a.creditsPosted += amount;
                }
            }
            if (post) {
                long[] total = totals.computeIfAbsent(p.path("currency").asString(), c -> new long[2]);
                total[p.path("side").asString().equals("debit") ? 0 : 1] += amount;
            }
        }
        return null;
    }

    /** "USD: debits 10460500.00 = credits 10460500.00" per currency. */
    String summary() {
        StringBuilder s = new StringBuilder();
        totals.forEach((c, t) -> s.append(s.isEmpty() ? "" : "; ").append(c).append(": debits ").append(t[0])
                .append(t[0] == t[1] ? " = " : " ≠ ").append("credits ").append(t[1]).append(" (minor units)"));
        return s.isEmpty() ? "no transfers" : s.toString();
    }

    int accounts() {
        return accounts.size();
    }

    int openPending() {
        return pending.size();
    }
}
