package microfactory.ledger.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import microfactory.ledger.tlog.CanonicalJson;

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

    /** Read helpers over the plain values {@link CanonicalJson} returns. */
    private static final CanonicalJson.Obj EMPTY = (CanonicalJson.Obj) CanonicalJson.parse(new byte[] {'{', '}'});

    private static CanonicalJson.Obj obj(Object o) {
        return o instanceof CanonicalJson.Obj m ? m : EMPTY;
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Object> list(Object o) {
        return o instanceof java.util.List<?> l ? (java.util.List<Object>) l : java.util.List.of();
    }

    private static String str(CanonicalJson.Obj m, String key) {
        return m.get(key) instanceof String s ? s : "";
    }

    private static long num(CanonicalJson.Obj m, String key) {
        return m.get(key) instanceof Long l ? l : 0;
    }

    private final Map<String, Acct> accounts = new HashMap<>();
    private final Set<String> transferIds;
    private final Map<String, CanonicalJson.Obj> pending = new HashMap<>(); // unsettled pending transfers
    private final Map<String, long[]> totals = new TreeMap<>();
    private final java.util.List<String> touched = new java.util.ArrayList<>(8); // accounts one entry moved, reused

    /** Sized for the log, so the set of transfer ids never rehashes while a million entries replay. */
    Books(long expectedEntries) {
        transferIds = new HashSet<>((int) Math.min(1 << 30, expectedEntries * 4 / 3 + 16));
    }

    /** Applies one entry; returns why it breaks the books, or null. */
    String apply(Object value) {
        CanonicalJson.Obj entry = obj(value);
        if (!(entry.get("kind") instanceof String kind) || !(entry.get("at") instanceof String)) {
            return "an entry needs a \"kind\" and an \"at\" timestamp";
        }
        return switch (kind) {
            case "account.opened" -> open(obj(entry.get("account")));
            case "transfers" -> transfers(entry.get("transfers"));
            case "transfer.expired" -> settle(str(entry, "pending"), false);
            default -> entry.get("data") instanceof CanonicalJson.Obj ? null : "an event entry carries a \"data\" object";
        };
    }

    private String open(CanonicalJson.Obj a) {
        String code = str(a, "code");
        if (code.isEmpty() || accounts.containsKey(code)) {
            return "account '" + code + "' is opened twice or has no code";
        }
        Set<String> flags = new HashSet<>();
        list(a.get("flags")).forEach(f -> flags.add(String.valueOf(f)));
        accounts.put(code, new Acct(str(a, "currency"), flags.contains("debits_must_not_exceed_credits"),
                flags.contains("credits_must_not_exceed_debits")));
        return null;
    }

    private String transfers(Object value) {
        java.util.List<Object> all = list(value);
        if (all.isEmpty()) {
            return "a transfers entry holds at least one transfer";
        }
        java.util.List<String> touched = this.touched;
        touched.clear();
        for (Object item : all) {
            CanonicalJson.Obj t = obj(item);
            String id = str(t, "id");
            if (id.isEmpty() || !transferIds.add(id)) {
                return "transfer '" + id + "' appears twice";
            }
            String why;
            if (t.has("post") || t.has("void")) {
                String settled = t.has("post") ? str(t, "post") : str(t, "void");
                CanonicalJson.Obj pendingTransfer = pending.get(settled);
                why = settle(settled, t.has("post"));
                if (why == null) {
                    list(pendingTransfer.get("postings")).forEach(p -> touched.add(str(obj(p), "account")));
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

    private String postings(CanonicalJson.Obj t, java.util.List<String> touched) {
        java.util.List<Object> postings = list(t.get("postings"));
        if (postings.size() < 2) {
            return "needs at least one debit and one credit";
        }
        boolean isPending = Boolean.TRUE.equals(t.get("pending"));
        // Debits and credits per currency: nearly every transfer has one currency, kept in locals; more go to a map.
        String currency0 = null;
        long debits0 = 0;
        long credits0 = 0;
        Map<String, long[]> others = null;
        for (Object item : postings) {
            CanonicalJson.Obj p = obj(item);
            String code = str(p, "account");
            Acct a = accounts.get(code);
            if (a == null) {
                return "account '" + code + "' was never opened";
            }
            String currency = str(p, "currency");
            if (!a.currency.equals(currency)) {
                return "posts " + currency + " to account '" + code + "', which holds " + a.currency;
            }
            long amount = num(p, "amount");
            if (amount <= 0 || amount > MAX) {
                return "has an amount that is not a positive whole number";
            }
            String side = str(p, "side");
            boolean debit = side.equals("debit");
            if (!debit && !side.equals("credit")) {
                return "has a posting that is neither debit nor credit";
            }
            if (currency0 == null || currency0.equals(currency)) {
                currency0 = currency;
                if (debit) {
                    debits0 += amount;
                } else {
                    credits0 += amount;
                }
            } else {
                if (others == null) {
                    others = new HashMap<>(4);
                }
                others.computeIfAbsent(currency, c -> new long[2])[debit ? 0 : 1] += amount;
            }
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
        String why = balances(currency0, debits0, credits0, isPending);
        if (why == null && others != null) {
            for (var e : others.entrySet()) {
                why = why != null ? why : balances(e.getKey(), e.getValue()[0], e.getValue()[1], isPending);
            }
        }
        if (why != null) {
            return why;
        }
        if (isPending) {
            pending.put(str(t, "id"), t);
        }
        return null;
    }

    /** Debits equal credits in a currency; posted amounts add to the books' totals. */
    private String balances(String currency, long debits, long credits, boolean isPending) {
        if (debits != credits) {
            return "does not balance in " + currency + ": debits " + debits + ", credits " + credits;
        }
        if (!isPending) {
            long[] total = totals.computeIfAbsent(currency, c -> new long[2]);
            total[0] += debits;
            total[1] += credits;
        }
        return null;
    }

    /** Posts (or releases) a pending transfer's amounts, once. */
    private String settle(String pendingId, boolean post) {
        CanonicalJson.Obj t = pending.remove(pendingId);
        if (t == null) {
            return "settles '" + pendingId + "', which is not an open pending transfer";
        }
        for (Object item : list(t.get("postings"))) {
            CanonicalJson.Obj p = obj(item);
            Acct a = accounts.get(str(p, "account"));
            long amount = num(p, "amount");
            if (str(p, "side").equals("debit")) {
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
                long[] total = totals.computeIfAbsent(str(p, "currency"), c -> new long[2]);
                total[str(p, "side").equals("debit") ? 0 : 1] += amount;
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
