package microfactory.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What a batch of transfers does to each account it touches, before anything is written: pending and posted
 * debits and credits, summed exactly (an overflow is refused, not wrapped).
 */
final class BalanceChanges {

    /** One account's change, in the four columns an account keeps. */
    record Change(long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {

        static final Change NONE = new Change(0, 0, 0, 0);

        Change plus(Side side, boolean pending, long amount) {
            return side == Side.DEBIT
                    ? pending ? new Change(Math.addExact(debitsPending, amount), debitsPosted, creditsPending, creditsPosted)
                              : new Change(debitsPending, Math.addExact(debitsPosted, amount), creditsPending, creditsPosted)
                    : pending ? new Change(debitsPending, debitsPosted, Math.addExact(creditsPending, amount), creditsPosted)
                              : new Change(debitsPending, debitsPosted, creditsPending, Math.addExact(creditsPosted, amount));
        }

        /** Amounts a pending transfer held are released; when it is posted they move to the posted columns. */
        Change settle(Side side, long amount, boolean post) {
            Change released = plus(side, true, Math.negateExact(amount));
            return post ? released.plus(side, false, amount) : released;
        }
    }

    private final Map<Long, Change> byAccount = new LinkedHashMap<>();

    void add(long accountId, Side side, boolean pending, long amount) {
        byAccount.merge(accountId, Change.NONE.plus(side, pending, amount), BalanceChanges::sum);
    }

    void settle(PostingTotal posting, boolean post) {
        byAccount.put(posting.accountId(), byAccount.getOrDefault(posting.accountId(), Change.NONE)
                .settle(posting.side(), posting.amount(), post));
    }

    /** The first flag an account would break once every change is applied, said for a person. */
    Optional<String> flagViolation(Map<Long, Account> accounts) {
        for (Map.Entry<Long, Change> e : byAccount.entrySet()) {
            Account a = accounts.get(e.getKey());
            Change d = e.getValue();
            String violation = Account.flagViolation(a, a.debitsPending() + d.debitsPending(), a.debitsPosted() + d.debitsPosted(),
                    a.creditsPending() + d.creditsPending(), a.creditsPosted() + d.creditsPosted());
            if (violation != null) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    void forEach(BiConsumer<Long, Change> action) {
        byAccount.forEach(action);
    }

    private static Change sum(Change a, Change b) {
        return new Change(Math.addExact(a.debitsPending(), b.debitsPending()), Math.addExact(a.debitsPosted(), b.debitsPosted()),
                Math.addExact(a.creditsPending(), b.creditsPending()), Math.addExact(a.creditsPosted(), b.creditsPosted()));
    }
}
