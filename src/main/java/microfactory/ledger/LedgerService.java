package microfactory.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.Jcs;
import microfactory.ledger.tlog.Tiles;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chapter's transparent ledger: double-entry accounts and transfers, and the public Merkle log
 * every entry goes to. Other features post through this service only.
 */
@Service
public class LedgerService {

    public static final String ACCOUNT_OPENED = "account.opened";
    public static final String TRANSFERS = "transfers";
    public static final String TRANSFER_EXPIRED = "transfer.expired";
    private static final Pattern EVENT_KIND = Pattern.compile("[a-z]+(\\.[a-z-]+)+");
    private static final Set<String> LEDGER_KINDS = Set.of(ACCOUNT_OPENED, TRANSFERS, TRANSFER_EXPIRED);

    private final LedgerLog log;
    private final AccountRepository accounts;
    private final TransferRepository transfers;
    private final PublicLog publicLog;
    private final Validator validator;
    private final Clock clock;

    LedgerService(LedgerLog log, AccountRepository accounts, TransferRepository transfers, PublicLog publicLog,
                  Validator validator, Clock clock) {
        this.log = log;
        this.accounts = accounts;
        this.transfers = transfers;
        this.publicLog = publicLog;
        this.validator = validator;
        this.clock = clock;
    }

    // ---- accounts ----

    @Transactional
    public Account openAccount(OpenAccount request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<OpenAccount> v : validator.validate(request)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (problems.isEmpty()) {
            try {
                Currency.getInstance(request.currency());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("currency", "'" + request.currency() + "' is not an ISO 4217 currency"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        log.lockForAppend();
        if (accounts.findByCode(request.code()).isPresent()) {
            throw new ConflictException("An account with code '" + request.code() + "' is open already.");
        }
        ObjectNode account = LedgerJson.object().put("code", request.code()).put("name", request.name())
                .put("type", request.type().name()).put("currency", request.currency());
        ArrayNode flags = account.putArray("flags");
        if (request.debitsMustNotExceedCredits()) {
            flags.add("debits_must_not_exceed_credits");
        }
        if (request.creditsMustNotExceedDebits()) {
            flags.add("credits_must_not_exceed_debits");
        }
        ObjectNode body = entryOf(ACCOUNT_OPENED);
        body.set("account", account);
        long index = log.append(ACCOUNT_OPENED, LedgerJson.entry(body));
        accounts.insert(request, index);
        return account(request.code());
    }

    public List<Account> accounts() {
        return accounts.all();
    }

    /** Opens the standard chart of accounts of a new chapter in its currency (see {@link StandardChart}). */
    @Transactional
    public List<Account> openStandardChart(String currency) {
        return StandardChart.LINES.stream().map(line -> openAccount(StandardChart.request(line, currency))).toList();
    }

    /** True once the ledger has an account (and so an entry) in the currency: the chapter's books are then kept in it. */
    public boolean usesCurrency(String currency) {
        return accounts.all().stream().anyMatch(a -> a.currency().equals(currency));
    }

    public Account account(String code) {
        return accounts.findByCode(code).orElseThrow(() -> new NotFoundException("account", code));
    }

    /** Posted balances per currency: debits equal credits when the books balance. */
    public List<TrialBalance> trialBalance() {
        Map<String, long[]> byCurrency = new TreeMap<>();
        for (Account a : accounts.all()) {
            long[] t = byCurrency.computeIfAbsent(a.currency(), c -> new long[2]);
            t[0] += a.debitsPosted();
            t[1] += a.creditsPosted();
        }
        List<TrialBalance> result = new ArrayList<>();
        byCurrency.forEach((c, t) -> result.add(new TrialBalance(c, Money.of(t[0], c), Money.of(t[1], c))));
        return result;
    }

    // ---- transfers ----

    @Transactional
    public Recorded transfer(TransferRequest request) {
        return transfer(List.of(request));
    }

    /**
     * Records a batch of linked transfers: all are recorded in one log entry, or none is. A batch sent
     * again with the same ids and content returns the first result; an id reused with other content is refused.
     */
    @Transactional
    public Recorded transfer(List<TransferRequest> batch) {
        List<FieldProblem> problems = TransferChecks.shape(batch);
        LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1); // a day's slack for every time zone
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) != null && batch.get(i).date() != null && batch.get(i).date().isAfter(latest)) {
                problems.add(new FieldProblem(TransferChecks.at(i) + ".date", "the day the money moved is today or earlier, not "
                        + batch.get(i).date()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        log.lockForAppend();
        Optional<Recorded> replay = replay(batch);
        if (replay.isPresent()) {
            return replay.get();
        }
        expireDueLocked();
        Instant now = clock.instant();
        Map<String, Account> touched = new HashMap<>();
        BalanceChanges changes = new BalanceChanges();
        Set<String> settledHere = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            TransferRequest t = batch.get(i);
            if (t.settles()) {
                settle(t, TransferChecks.at(i), settledHere, changes, problems);
            } else {
                TransferChecks.postings(t, TransferChecks.at(i),
                        code -> touched.computeIfAbsent(code, c -> accounts.findByCode(c).orElse(null)), changes, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<Long, Account> byId = new HashMap<>();
        accounts.all().forEach(a -> byId.put(a.id(), a));
        changes.flagViolation(byId).ifPresent(violation -> {
            throw new ConflictException("Refused: " + violation + ". Nothing was recorded.");
        });

        ObjectNode body = entryOf(TRANSFERS);
        ArrayNode list = body.putArray("transfers");
        for (TransferRequest t : batch) {
            list.add(entryTransfer(t, now));
        }
        long index = log.append(TRANSFERS, LedgerJson.entry(body));
        for (TransferRequest t : batch) {
            store(t, index, now, touched);
        }
        changes.forEach((accountId, d) -> accounts.add(accountId, d.debitsPending(), d.debitsPosted(), d.creditsPending(),
                d.creditsPosted()));
        return new Recorded(index, false, batch.stream().map(t -> transferById(t.id())).toList());
    }

    /** A transfer that posts or voids a pending one: that one exists, is still pending, and is settled once. */
    private void settle(TransferRequest t, String at, Set<String> settledHere, BalanceChanges changes,
                        List<FieldProblem> problems) {
        String pendingId = t.postPendingId() != null ? t.postPendingId() : t.voidPendingId();
        boolean post = t.postPendingId() != null;
        var pending = transfers.find(pendingId);
        if (pending.isEmpty() || pending.get().kind() != TransferKind.PENDING) {
            problems.add(new FieldProblem(at + (post ? ".postPendingId" : ".voidPendingId"),
                    "there is no pending transfer '" + pendingId + "'"));
            return;
        }
        if (pending.get().status() != TransferStatus.PENDING) {
            throw new ConflictException("Pending transfer '" + pendingId + "' is " + pending.get().status().label()
                    + " already; it can be settled only once.");
        }
        if (!settledHere.add(pendingId)) {
            throw new ConflictException("Pending transfer '" + pendingId + "' is settled twice in this batch.");
        }
        for (PostingTotal p : transfers.postingTotals(pendingId)) {
            changes.settle(p, post);
        }
    }

    private ObjectNode entryTransfer(TransferRequest t, Instant now) {
        ObjectNode node = LedgerJson.object().put("id", t.id());
        if (t.date() != null) {
            node.put("date", t.date().toString());
        }
        if (t.settles()) {
            return t.postPendingId() != null ? node.put("post", t.postPendingId()) : node.put("void", t.voidPendingId());
        }
        node.put("code", t.code());
        if (t.memo() != null && !t.memo().isBlank()) {
            node.put("memo", t.memo());
        }
        if (t.member() != null) {
            node.put("member", t.member());
        }
        ArrayNode postings = node.putArray("postings");
        for (PostingRequest p : t.postings()) {
            postings.addObject().put("account", p.account()).put("side", p.side().name().toLowerCase())
                    .put("amount", p.amount()).put("currency", p.currency());
        }
        if (t.isPending()) {
            node.put("pending", true);
            if (t.timeoutSeconds() != null) {
                node.put("expiresAt", now.plusSeconds(t.timeoutSeconds()).toString());
            }
        }
        return node;
    }

    private void store(TransferRequest t, long index, Instant now, Map<String, Account> touched) {
        byte[] hash = contentHash(t);
        if (t.settles()) {
            String pendingId = t.postPendingId() != null ? t.postPendingId() : t.voidPendingId();
            boolean post = t.postPendingId() != null;
            transfers.insert(new TransferRepository.Row(t.id(), "settle", "", null, post ? TransferKind.POST : TransferKind.VOID,
                    pendingId, TransferStatus.POSTED, null, hash, index, now));
            transfers.setStatus(pendingId, post ? TransferStatus.POSTED : TransferStatus.VOIDED);
            return;
        }
        Instant expires = t.isPending() && t.timeoutSeconds() != null ? now.plusSeconds(t.timeoutSeconds()) : null;
        transfers.insert(new TransferRepository.Row(t.id(), t.code(), t.memo() == null ? "" : t.memo(), t.member(),
                t.isPending() ? TransferKind.PENDING : TransferKind.POSTED, null,
                t.isPending() ? TransferStatus.PENDING : TransferStatus.POSTED, expires, hash, index, now));
        for (int j = 0; j < t.postings().size(); j++) {
            PostingRequest p = t.postings().get(j);
            transfers.insertPosting(t.id(), j, touched.get(p.account()).id(), p.side(), p.amount(), p.currency());
        }
    }

    /** The whole batch seen before with the same content: the earlier result. A partial or changed repeat: refused. */
    private Optional<Recorded> replay(List<TransferRequest> batch) {
        int seen = 0;
        for (TransferRequest t : batch) {
            var existing = transfers.find(t.id());
            if (existing.isPresent()) {
                if (!Arrays.equals(existing.get().contentHash(), contentHash(t))) {
                    throw new ConflictException("Transfer id '" + t.id() + "' was already used for a different transfer; "
                            + "choose a new id.");
                }
                seen++;
            }
        }
        if (seen == 0) {
            return Optional.empty();
        }
        if (seen < batch.size()) {
            throw new ConflictException("Some transfers of this batch were recorded before and some were not; "
                    + "send exactly the earlier batch again, or a batch of new ids.");
        }
        long index = transfers.find(batch.get(0).id()).orElseThrow().entryIndex();
        return Optional.of(new Recorded(index, true, batch.stream().map(t -> transferById(t.id())).toList()));
    }

    private static byte[] contentHash(TransferRequest t) {
        ObjectNode node = LedgerJson.object().put("id", t.id());
        node.put("code", t.code()).put("memo", t.memo()).put("member", t.member()).put("pending", t.isPending())
                .put("timeoutSeconds", t.timeoutSeconds()).put("post", t.postPendingId()).put("void", t.voidPendingId());
        if (t.date() != null) { // absent before value dates existed: earlier transfers keep their hashes
            node.put("date", t.date().toString());
        }
        ArrayNode postings = node.putArray("postings");
        if (t.postings() != null) {
            t.postings().forEach(p -> postings.addObject().put("account", p.account())
                    .put("side", p.side() == null ? null : p.side().name()).put("amount", p.amount()).put("currency", p.currency()));
        }
        return Hashes.sha256(Jcs.canonical(node));
    }

    public Transfer transferById(String id) {
        var row = transfers.find(id).orElseThrow(() -> new NotFoundException("transfer", id));
        return new Transfer(row.id(), row.code(), row.memo(), row.member(), row.kind(), row.pendingId(), row.status(),
                row.expiresAt(), row.entryIndex(), row.createdAt(), transfers.postings(id));
    }

    public List<Transfer> recentTransfers(String accountCode, int limit) {
        Account a = account(accountCode);
        return transfers.recentForAccount(a.id(), limit).stream().map(this::transferById).toList();
    }

    /** Expires pending transfers whose timeout has passed; each expiry is a log entry. Returns how many. */
    @Transactional
    public int expireDue() {
        log.lockForAppend();
        return expireDueLocked();
    }

    private int expireDueLocked() {
        List<String> due = transfers.pendingDueBy(clock.instant());
        for (String id : due) {
            for (PostingTotal p : transfers.postingTotals(id)) {
                if (p.side() == Side.DEBIT) {
                    accounts.add(p.accountId(), -p.amount(), 0, 0, 0);
                } else {
                    accounts.add(p.accountId(), 0, 0, -p.amount(), 0);
                }
            }
            transfers.setStatus(id, TransferStatus.EXPIRED);
            ObjectNode body = entryOf(TRANSFER_EXPIRED).put("pending", id);
            log.append(TRANSFER_EXPIRED, LedgerJson.entry(body));
        }
        return due.size();
    }

    // ---- events from other features ----

    /**
     * Records an event of another feature (e.g. "badge.issued", "unit.produced") with its public data.
     * Runs in the caller's transaction: the event is on the log exactly when the caller's change is.
     */
    @Transactional
    public long record(String kind, Map<String, ?> data) {
        if (kind == null || !EVENT_KIND.matcher(kind).matches() || LEDGER_KINDS.contains(kind)) {
            throw InvalidInputException.of("kind", "an event kind reads like feature.event, e.g. badge.issued");
        }
        ObjectNode body = entryOf(kind);
        body.set("data", LedgerJson.tree(data));
        return log.append(kind, LedgerJson.entry(body));
    }

    private ObjectNode entryOf(String kind) {
        return LedgerJson.object().put("kind", kind).put("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    // ---- the public log (PublicLog) ----

    public long size() {
        return publicLog.size();
    }

    public LedgerEntry entry(long index) {
        return publicLog.entry(index);
    }

    /** Newest first, optionally only kinds starting with {@code kind}. */
    public List<LedgerEntry> latest(String kind, Long before, int limit) {
        return publicLog.latest(kind, null, before, limit);
    }

    /** The newest entries, of a kind and naming a member (by pseudonym) when given. */
    public List<LedgerEntry> latest(String kind, String member, Long before, int limit) {
        return publicLog.latest(kind, member, before, limit);
    }

    public List<String> kinds() {
        return publicLog.kinds();
    }

    /** The signed checkpoint of the committed log, as C2SP tlog-checkpoint text. */
    public String checkpoint() {
        return publicLog.checkpoint();
    }

    /** The verifier key (C2SP vkey) of the chapter's log key. */
    public String verifierKey() {
        return publicLog.verifierKey();
    }

    public String origin() {
        return publicLog.origin();
    }

    public InclusionProof inclusionProof(long index, Long treeSize) {
        return publicLog.inclusionProof(index, treeSize);
    }

    public ConsistencyProof consistencyProof(long from, Long to) {
        return publicLog.consistencyProof(from, to);
    }

    /** A tlog-tiles tile or entry bundle, if the committed log holds it. */
    public Optional<byte[]> tile(Tiles.Address address) {
        return publicLog.tile(address);
    }
}
