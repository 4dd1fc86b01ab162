package microfactory.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import microfactory.common.FieldProblem;
import microfactory.common.Money;
import microfactory.ledger.tlog.Jcs;

/**
 * The rules a batch of transfers must meet before anything is recorded, each problem named by the field it is about
 * (transfers[i].postings[j].amount). Pure: accounts come in through a lookup, so every rule has a unit test.
 */
final class TransferChecks {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern PUBLIC_ID = Pattern.compile("[a-z]-[a-z0-9]{3,30}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,59}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private TransferChecks() {
    }

    static String at(int i) {
        return "transfers[" + i + "]";
    }

    /** What is wrong with the batch's own fields, before any account is looked up. */
    static List<FieldProblem> shape(List<TransferRequest> batch) {
        List<FieldProblem> problems = new ArrayList<>();
        if (batch == null || batch.isEmpty()) {
            problems.add(new FieldProblem("transfers", "send at least one transfer"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            shape(batch.get(i), at(i), ids, problems);
        }
        return problems;
    }

    private static void shape(TransferRequest t, String at, Set<String> ids, List<FieldProblem> problems) {
        if (t == null) {
            problems.add(new FieldProblem(at, "a transfer is missing"));
            return;
        }
        if (t.id() == null || !ID.matcher(t.id()).matches()) {
            problems.add(new FieldProblem(at + ".id", "choose an id of 1-64 letters, digits, '.', '_', ':' or '-'; it makes retries safe"));
        } else if (!ids.add(t.id())) {
            problems.add(new FieldProblem(at + ".id", "the id '" + t.id() + "' appears twice in this batch"));
        }
        if (t.member() != null && !PUBLIC_ID.matcher(t.member()).matches()) {
            problems.add(new FieldProblem(at + ".member", "name a member by their public id (like m-4yb6b94ekw), never by name or email"));
        }
        if (t.memo() != null && t.memo().length() > 500) {
            problems.add(new FieldProblem(at + ".memo", "use at most 500 characters"));
        }
        if (t.settles()) {
            if (t.postPendingId() != null && t.voidPendingId() != null) {
                problems.add(new FieldProblem(at, "post or void a pending transfer, not both"));
            }
            if (t.postings() != null && !t.postings().isEmpty()) {
                problems.add(new FieldProblem(at + ".postings", "a transfer that settles a pending one has no postings of its own"));
            }
            return;
        }
        if (t.code() == null || !CODE.matcher(t.code()).matches()) {
            problems.add(new FieldProblem(at + ".code", "say what it is for in a short lower-case code, such as dues or pledge"));
        }
        if (t.postings() == null || t.postings().size() < 2) {
            problems.add(new FieldProblem(at + ".postings", "a transfer needs at least one debit and one credit"));
            return;
        }
        if (t.timeoutSeconds() != null && (!t.isPending() || t.timeoutSeconds() <= 0)) {
            problems.add(new FieldProblem(at + ".timeoutSeconds", "a timeout is a positive number of seconds on a pending transfer"));
        }
        for (int j = 0; j < t.postings().size(); j++) {
            PostingRequest p = t.postings().get(j);
            String pat = at + ".postings[" + j + "]";
            if (p == null || p.account() == null || p.account().isBlank()) {
                problems.add(new FieldProblem(pat + ".account", "name the account by its code"));
                continue;
            }
            if (p.side() == null) {
                problems.add(new FieldProblem(pat + ".side", "choose DEBIT or CREDIT"));
            }
            if (p.amount() == null || p.amount() <= 0 || p.amount() > Jcs.MAX_SAFE_INTEGER) {
                problems.add(new FieldProblem(pat + ".amount", "a positive whole number of minor units (cents), at most 2^53 − 1"));
            }
            if (p.currency() == null || !CURRENCY.matcher(p.currency()).matches()) {
                problems.add(new FieldProblem(pat + ".currency", "a three-letter ISO 4217 code such as USD"));
            }
        }
    }

    /**
     * A transfer's postings against the accounts they name (null when there is none): each account exists and holds
     * the posting's currency, and debits equal credits in every currency. Adds the amounts to {@code changes}.
     */
    static void postings(TransferRequest t, String at, Function<String, Account> accountByCode, BalanceChanges changes,
                         List<FieldProblem> problems) {
        Map<String, Long> net = new TreeMap<>(); // currency → debits minus credits
        Map<String, Long> debits = new TreeMap<>();
        int before = problems.size();
        for (int j = 0; j < t.postings().size(); j++) {
            PostingRequest p = t.postings().get(j);
            String pat = at + ".postings[" + j + "]";
            Account a = accountByCode.apply(p.account());
            if (a == null) {
                problems.add(new FieldProblem(pat + ".account", "there is no account '" + p.account() + "'"));
                continue;
            }
            if (!a.currency().equals(p.currency())) {
                problems.add(new FieldProblem(pat + ".currency", "account '" + a.code() + "' holds " + a.currency()
                        + ", not " + p.currency()));
                continue;
            }
            changes.add(a.id(), p.side(), t.isPending(), p.amount());
            long signed = p.side() == Side.DEBIT ? p.amount() : -p.amount();
            net.merge(p.currency(), signed, Math::addExact);
            debits.merge(p.currency(), p.side() == Side.DEBIT ? p.amount() : 0, Math::addExact);
        }
        if (problems.size() == before) {
            net.forEach((currency, difference) -> {
                if (difference != 0) {
                    long debited = debits.get(currency);
                    problems.add(new FieldProblem(at + ".postings", "unbalanced in " + currency + ": debits "
                            + Money.of(debited, currency) + " but credits " + Money.of(debited - difference, currency)));
                }
            });
        }
    }
}
