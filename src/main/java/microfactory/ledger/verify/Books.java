package microfactory.ledger.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import microfactory.ledger.tlog.CanonicalJson;

/**
 * Replays the books from the log alone, as an auditor would: accounts must be opened before use,
 * every transfer balances per currency in its accounts' currencies, pending transfers settle once,
 * and no flagged account is ever overdrawn. Applies the {@link OpList} read from entries in parallel; account
 * codes, currencies and transfer ids are numbered by their bytes ({@link ByteKeys}), so replaying a
 * million entries builds no strings.
 */
final class Books {

    private static final class Acct {
        final int currency;
        final boolean debitsLimit;
        final boolean creditsLimit;
        long debitsPending;
        long debitsPosted;
        long creditsPending;
        long creditsPosted;

        Acct(int currency, boolean debitsLimit, boolean creditsLimit) {
            this.currency = currency;
            this.debitsLimit = debitsLimit;
            this.creditsLimit = creditsLimit;
        }
    }

    /** A pending transfer's postings, kept until it is posted, voided or expires. */
    private record Pending(int[] accounts, boolean[] debits, long[] amounts) {
    }

    private final ByteKeys accountCodes = new ByteKeys(64);
    private final List<Acct> accounts = new ArrayList<>();
    private final ByteKeys currencies = new ByteKeys(8);
    private final ByteKeys pendingIds = new ByteKeys(64); // ids of pending transfers, to settle them
    private final TransferIds transferIds;
    private long problemAt = -1;
    private final Map<Integer, Pending> pending = new HashMap<>(); // by number in pendingIds
    private long[] totals = new long[16]; // posted debits and credits per currency number
    private int[] touched = new int[8]; // accounts one entry moved, reused
    private int touchedCount;

    /** Sized for the log, so the list of transfer ids never grows while a million entries replay. */
    Books(long expectedEntries) {
        transferIds = new TransferIds(expectedEntries + 16);
    }

    /** A string's characters from its reference into the bundle; "" where there is none. */
    private static String text(byte[] bytes, long ref) {
        int start = OpList.start(ref);
        return start < 0 ? "" : CanonicalJson.decode(bytes, start, start + OpList.length(ref));
    }

    private static int find(ByteKeys keys, byte[] bytes, long ref, long hash) {
        int start = OpList.start(ref);
        return start < 0 ? -1 : keys.find(bytes, start, start + OpList.length(ref), hash);
    }

    private static int add(ByteKeys keys, byte[] bytes, long ref, long hash) {
        int start = OpList.start(ref);
        return keys.add(bytes, start, start + OpList.length(ref), hash);
    }

    /** Every transfer id met, for the check that none repeats ({@link TransferIds}, at the end). */
    TransferIds transferIds() {
        return transferIds;
    }

    /** Where the last problem {@link #apply} reported lies: a {@link TransferIds#position}. */
    long problemAt() {
        return problemAt;
    }

    /**
     * Applies entry {@code entry}'s operations, {@code ops} [from, to), whose references point into {@code bytes};
     * returns why the entry breaks the books, or null. A repeated transfer id is not caught here but at the end,
     * by {@link TransferIds}; {@link #problemAt} says where a problem was, to tell which came first.
     */
    String apply(OpList ops, int from, int to, byte[] bytes, long entry) {
        int at = from;
        touchedCount = 0;
        int transfer = 0;
        problemAt = TransferIds.position(entry, 0);
        while (at < to) {
            int op = (int) ops.get(at);
            switch (op) {
                case OpList.ERROR -> {
                    return OpList.MESSAGES[(int) ops.get(at + 1)];
                }
                case OpList.OPEN -> {
                    String why = open(bytes, ops.get(at + 1), ops.get(at + 2), ops.get(at + 3), ops.get(at + 4), (int) ops.get(at + 5));
                    if (why != null) {
                        return why;
                    }
                    at += 6;
                }
                case OpList.EXPIRE -> {
                    long ref = ops.get(at + 1);
                    return settle(bytes, ref, find(pendingIds, bytes, ref, ops.get(at + 2)), false);
                }
                case OpList.TRANSFER -> {
                    problemAt = TransferIds.position(entry, transfer);
                    long transferId = ops.get(at + 1);
                    int mode = (int) ops.get(at + 3);
                    long settled = ops.get(at + 4);
                    int postings = (int) ops.get(at + 6);
                    if (OpList.start(transferId) < 0 || OpList.length(transferId) == 0) {
                        return "transfer '' appears twice";
                    }
                    transferIds.add(ops.get(at + 2), problemAt);
                    at += 7;
                    String why;
                    if (mode == OpList.POST || mode == OpList.VOID) {
                        int pendingNumber = find(pendingIds, bytes, settled, ops.get(at - 2));
                        Pending p = pendingNumber < 0 ? null : pending.get(pendingNumber);
                        why = settle(bytes, settled, pendingNumber, mode == OpList.POST);
                        if (why == null) {
                            for (int account : p.accounts) {
                                touch(account);
                            }
                        }
                    } else if (postings < 0) {
                        why = "needs at least one debit and one credit";
                    } else {
                        int number = mode == OpList.PENDING ? add(pendingIds, bytes, transferId, ops.get(at - 5)) : -1;
                        why = postings(ops, at, postings, mode == OpList.PENDING, number, bytes);
                        at += postings * POSTING_SIZE;
                    }
                    if (why != null) {
                        return "transfer '" + text(bytes, transferId) + "': " + why;
                    }
                    transfer++;
                }
                case OpList.END -> {
                    problemAt = TransferIds.position(entry, 0xFFFF);
                    return overdrawn();
                }
                default -> throw new IllegalStateException("operation " + op);
            }
        }
        return null;
    }

    private String open(byte[] bytes, long code, long codeHash, long currency, long currencyHash, int flags) {
        if (OpList.start(code) < 0 || OpList.length(code) == 0 || find(accountCodes, bytes, code, codeHash) >= 0) {
            return "account '" + text(bytes, code) + "' is opened twice or has no code";
        }
        int number = OpList.start(currency) < 0 ? currencies.add(new byte[0], 0, 0, ByteKeys.hash(new byte[0], 0, 0))
                : add(currencies, bytes, currency, currencyHash);
        add(accountCodes, bytes, code, codeHash);
        accounts.add(new Acct(number, (flags & OpList.DEBITS_LIMIT) != 0, (flags & OpList.CREDITS_LIMIT) != 0));
        return null;
    }

    /** After a transfers entry: no flagged account it moved may be overdrawn. */
    private String overdrawn() {
        for (int k = 0; k < touchedCount; k++) {
            Acct a = accounts.get(touched[k]);
            if (a.debitsLimit && a.debitsPending + a.debitsPosted > a.creditsPosted) {
                return "account '" + accountCodes.text(touched[k]) + "' is overdrawn (debits exceed credits)";
            }
            if (a.creditsLimit && a.creditsPending + a.creditsPosted > a.debitsPosted) {
                return "account '" + accountCodes.text(touched[k]) + "' goes below zero (credits exceed debits)";
            }
        }
        return null;
    }

    private void touch(int account) {
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = account;
    }

    /** Longs per posting operation: code, account ref and hash, currency ref and hash, amount, debit, problem. */
    private static final int POSTING_SIZE = 8;

    private String postings(OpList ops, int at, int count, boolean isPending, int id, byte[] bytes) {
        Pending kept = isPending ? new Pending(new int[count], new boolean[count], new long[count]) : null;
        // Debits and credits per currency: nearly every transfer has one currency, kept in locals; more go to a map.
        int currency0 = -1;
        long debits0 = 0;
        long credits0 = 0;
        Map<Integer, long[]> others = null;
        for (int k = 0; k < count; k++, at += POSTING_SIZE) {
            long code = ops.get(at + 1);
            int number = find(accountCodes, bytes, code, ops.get(at + 2));
            if (number < 0) {
                return "account '" + text(bytes, code) + "' was never opened";
            }
            Acct a = accounts.get(number);
            long currencyRef = ops.get(at + 3);
            int currency = OpList.start(currencyRef) < 0 ? currencies.find(new byte[0], 0, 0, ByteKeys.hash(new byte[0], 0, 0))
                    : find(currencies, bytes, currencyRef, ops.get(at + 4));
            if (currency != a.currency) {
                return "posts " + text(bytes, currencyRef) + " to account '" + text(bytes, code) + "', which holds "
                        + currencies.text(a.currency);
            }
            long amount = ops.get(at + 5);
            boolean debit = ops.get(at + 6) == 1;
            int problem = (int) ops.get(at + 7);
            if (problem >= 0) {
                return OpList.MESSAGES[problem];
            }
            if (currency0 < 0 || currency0 == currency) {
                currency0 = currency;
                if (debit) {
                    debits0 += amount;
                } else {
                    credits0 += amount;
                }
            } else {
                if (others == null) {
                    others = new TreeMap<>();
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
            if (kept != null) {
                kept.accounts[k] = number;
                kept.debits[k] = debit;
                kept.amounts[k] = amount;
            }
            touch(number);
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
        if (kept != null) {
            pending.put(id, kept);
        }
        return null;
    }

    /** Debits equal credits in a currency; posted amounts add to the books' totals. */
    private String balances(int currency, long debits, long credits, boolean isPending) {
        if (debits != credits) {
            return "does not balance in " + currencies.text(currency) + ": debits " + debits + ", credits " + credits;
        }
        if (!isPending) {
            total(currency, true, debits);
            total(currency, false, credits);
        }
        return null;
    }

    private void total(int currency, boolean debit, long amount) {
        if (2 * currency + 1 >= totals.length) {
            totals = Arrays.copyOf(totals, Math.max(totals.length * 2, 2 * currency + 2));
        }
        totals[2 * currency + (debit ? 0 : 1)] += amount;
    }

    /** Posts (or releases) a pending transfer's amounts, once; {@code id} (a reference into the bytes) names it in the message. */
    private String settle(byte[] bytes, long id, int pendingNumber, boolean post) {
        Pending p = pendingNumber < 0 ? null : pending.remove(pendingNumber);
        if (p == null) {
            return "settles '" + text(bytes, id) + "', which is not an open pending transfer";
        }
        for (int k = 0; k < p.accounts.length; k++) {
            Acct a = accounts.get(p.accounts[k]);
            long amount = p.amounts[k];
            if (p.debits[k]) {
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
                total(a.currency, p.debits[k], amount);
            }
        }
        return null;
    }

    /** "USD: debits 10460500 = credits 10460500 (minor units)" per currency. */
    String summary() {
        Map<String, long[]> byName = new TreeMap<>();
        for (int c = 0; c < currencies.size(); c++) {
            long debits = 2 * c < totals.length ? totals[2 * c] : 0;
            long credits = 2 * c + 1 < totals.length ? totals[2 * c + 1] : 0;
            if (debits != 0 || credits != 0) {
                byName.put(currencies.text(c), new long[] {debits, credits});
            }
        }
        StringBuilder s = new StringBuilder();
        byName.forEach((c, t) -> s.append(s.isEmpty() ? "" : "; ").append(c).append(": debits ").append(t[0])
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
