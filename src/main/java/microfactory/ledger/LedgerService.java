package microfactory.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.Jcs;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;
import microfactory.signing.ChapterKey;
import microfactory.signing.SigningKeys;
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
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern EVENT_KIND = Pattern.compile("[a-z]+(\\.[a-z-]+)+");
    private static final Pattern PUBLIC_ID = Pattern.compile("[a-z]-[a-z0-9]{3,30}");
    private static final Set<String> LEDGER_KINDS = Set.of(ACCOUNT_OPENED, TRANSFERS, TRANSFER_EXPIRED);

    private final LedgerLog log;
    private final AccountRepository accounts;
    private final TransferRepository transfers;
    private final EntryRepository entries;
    private final SigningKeys keys;
    private final Validator validator;
    private final Clock clock;
    private volatile String cachedCheckpoint;
    private volatile long cachedCheckpointSize = -1;

    LedgerService(LedgerLog log, AccountRepository accounts, TransferRepository transfers, EntryRepository entries,
                  SigningKeys keys, Validator validator, Clock clock) {
        this.log = log;
        this.accounts = accounts;
        this.transfers = transfers;
        this.entries = entries;
        this.keys = keys;
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
        if (batch == null || batch.isEmpty()) {
            throw InvalidInputException.of("transfers", "send at least one transfer");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            checkShape(batch.get(i), "transfers[" + i + "]", ids, problems);
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
        Map<Long, long[]> deltas = new LinkedHashMap<>(); // account id → debits pending, posted, credits pending, posted
        Set<String> settledHere = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            TransferRequest t = batch.get(i);
            String at = "transfers[" + i + "]";
            if (t.settles()) {
                settleDeltas(t, at, settledHere, now, deltas, problems);
            } else {
                postingDeltas(t, at, touched, deltas, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        checkFlags(deltas);

        ObjectNode body = entryOf(TRANSFERS);
        ArrayNode list = body.putArray("transfers");
        for (TransferRequest t : batch) {
            list.add(entryTransfer(t, now));
        }
        long index = log.append(TRANSFERS, LedgerJson.entry(body));
        for (TransferRequest t : batch) {
            store(t, index, now, touched);
        }
        deltas.forEach((accountId, d) -> accounts.add(accountId, d[0], d[1], d[2], d[3]));
        return new Recorded(index, false, batch.stream().map(t -> transferById(t.id())).toList());
    }

    private void checkShape(TransferRequest t, String at, Set<String> ids, List<FieldProblem> problems) {
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
        if (t.code() == null || !t.code().matches("[a-z][a-z0-9-]{0,59}")) {
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
            if (p.currency() == null || !p.currency().matches("[A-Z]{3}")) {
                problems.add(new FieldProblem(pat + ".currency", "a three-letter ISO 4217 code such as USD"));
            }
        }
    }

    private void postingDeltas(TransferRequest t, String at, Map<String, Account> touched, Map<Long, long[]> deltas,
                               List<FieldProblem> problems) {
        Map<String, long[]> balance = new TreeMap<>(); // currency → debits, credits
        int before = problems.size();
        for (int j = 0; j < t.postings().size(); j++) {
            PostingRequest p = t.postings().get(j);
            String pat = at + ".postings[" + j + "]";
            Account a = touched.computeIfAbsent(p.account(), code -> accounts.findByCode(code).orElse(null));
            if (a == null) {
                touched.remove(p.account());
                problems.add(new FieldProblem(pat + ".account", "there is no account '" + p.account() + "'"));
                continue;
            }
            if (!a.currency().equals(p.currency())) {
                problems.add(new FieldProblem(pat + ".currency", "account '" + a.code() + "' holds " + a.currency()
                        + ", not " + p.currency()));
                continue;
            }
            long[] b = balance.computeIfAbsent(p.currency(), c -> new long[2]);
            long[] d = deltas.computeIfAbsent(a.id(), id -> new long[4]);
            int column = (p.side() == Side.DEBIT ? 0 : 2) + (t.isPending() ? 0 : 1);
            d[column] = Math.addExact(d[column], p.amount());
            b[p.side() == Side.DEBIT ? 0 : 1] += p.amount();
        }
        if (problems.size() == before) {
            balance.forEach((currency, b) -> {
                if (b[0] != b[1]) {
                    problems.add(new FieldProblem(at + ".postings", "unbalanced in " + currency + ": debits "
                            + Money.of(b[0], currency) + " but credits " + Money.of(b[1], currency)));
                }
            });
        }
    }

    private void settleDeltas(TransferRequest t, String at, Set<String> settledHere, Instant now, Map<Long, long[]> deltas,
                              List<FieldProblem> problems) {
        String pendingId = t.postPendingId() != null ? t.postPendingId() : t.voidPendingId();
        boolean post = t.postPendingId() != null;
        var pending = transfers.find(pendingId);
        if (pending.isEmpty() || !pending.get().kind().equals("PENDING")) {
            problems.add(new FieldProblem(at + (post ? ".postPendingId" : ".voidPendingId"),
                    "there is no pending transfer '" + pendingId + "'"));
            return;
        }
        if (!pending.get().status().equals("PENDING")) {
            throw new ConflictException("Pending transfer '" + pendingId + "' is " + pending.get().status().toLowerCase()
                    + " already; it can be settled only once.");
        }
        if (!settledHere.add(pendingId)) {
            throw new ConflictException("Pending transfer '" + pendingId + "' is settled twice in this batch.");
        }
        for (long[] p : transfers.postingTotals(pendingId)) {
            long[] d = deltas.computeIfAbsent(p[0], id -> new long[4]);
            int pendingColumn = p[1] == 0 ? 0 : 2;
            d[pendingColumn] -= p[2];
            if (post) {
                d[pendingColumn + 1] += p[2];
            }
        }
    }

    /** Every touched account's flags must hold once the whole batch is applied. */
    private void checkFlags(Map<Long, long[]> deltas) {
        Map<Long, Account> byId = new HashMap<>();
        accounts.all().forEach(a -> byId.put(a.id(), a));
        deltas.forEach((id, d) -> {
            Account a = byId.get(id);
            String violation = Account.flagViolation(a, a.debitsPending() + d[0], a.debitsPosted() + d[1],
                    a.creditsPending() + d[2], a.creditsPosted() + d[3]);
            if (violation != null) {
                throw new ConflictException("Refused: " + violation + ". Nothing was recorded.");
            }
        });
    }

    private ObjectNode entryTransfer(TransferRequest t, Instant now) {
        ObjectNode node = LedgerJson.object().put("id", t.id());
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
            transfers.insert(new TransferRepository.Row(t.id(), "settle", "", null, post ? "POST" : "VOID", pendingId,
                    "POSTED", null, hash, index, now));
            transfers.setStatus(pendingId, post ? "POSTED" : "VOIDED");
            return;
        }
        Instant expires = t.isPending() && t.timeoutSeconds() != null ? now.plusSeconds(t.timeoutSeconds()) : null;
        transfers.insert(new TransferRepository.Row(t.id(), t.code(), t.memo() == null ? "" : t.memo(), t.member(),
                t.isPending() ? "PENDING" : "POSTED", null, t.isPending() ? "PENDING" : "POSTED", expires, hash, index, now));
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
            for (long[] p : transfers.postingTotals(id)) {
                if (p[1] == 0) {
                    accounts.add(p[0], -p[2], 0, 0, 0);
                } else {
                    accounts.add(p[0], 0, 0, -p[2], 0);
                }
            }
            transfers.setStatus(id, "EXPIRED");
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

    // ---- the public log ----

    public long size() {
        return log.size();
    }

    public LedgerEntry entry(long index) {
        log.flushCurrent();
        return entries.find(index).filter(e -> e.index() < log.size())
                .orElseThrow(() -> new NotFoundException("ledger entry", index));
    }

    /** Newest first, optionally only kinds starting with {@code kind}. */
    public List<LedgerEntry> latest(String kind, Long before, int limit) {
        return latest(kind, null, before, limit);
    }

    /** The newest entries, of a kind and naming a member (by pseudonym) when given. */
    public List<LedgerEntry> latest(String kind, String member, Long before, int limit) {
        long size = log.size();
        return entries.latest(kind, member, before == null ? size : Math.min(before, size), Math.max(1, Math.min(limit, 500)));
    }

    public List<String> kinds() {
        return entries.kinds();
    }

    /** The signed checkpoint of the committed log, as C2SP tlog-checkpoint text. */
    public String checkpoint() {
        return log.read(tree -> {
            long size = tree.size();
            if (size != cachedCheckpointSize) {
                ChapterKey key = keys.chapterKey();
                Checkpoint c = new Checkpoint(key.name(), size, tree.root(size));
                NoteKeys.Verifier v = NoteKeys.verifier(key.name(), key.publicKey());
                cachedCheckpoint = SignedNote.sign(c.body(), key.name(), key.privateKey(), v.keyId());
                cachedCheckpointSize = size;
            }
            return cachedCheckpoint;
        });
    }

    /** The verifier key (C2SP vkey) of the chapter's log key. */
    public String verifierKey() {
        ChapterKey key = keys.chapterKey();
        return NoteKeys.verifier(key.name(), key.publicKey()).vkey();
    }

    public String origin() {
        return keys.chapterKey().name();
    }

    public InclusionProof inclusionProof(long index, Long treeSize) {
        return log.read(tree -> {
            long size = treeSize == null ? tree.size() : treeSize;
            if (size < 1 || size > tree.size()) {
                throw InvalidInputException.of("size", "the tree size must be between 1 and " + tree.size());
            }
            if (index < 0 || index >= size) {
                throw InvalidInputException.of("index", "the entry index must be below the tree size " + size);
            }
            return new InclusionProof(index, size, Hashes.base64(tree.leafHash(index)), Hashes.base64(tree.root(size)),
                    tree.inclusionProof(index, size).stream().map(Hashes::base64).toList());
        });
    }

    public ConsistencyProof consistencyProof(long from, Long to) {
        return log.read(tree -> {
            long size2 = to == null ? tree.size() : to;
            if (size2 > tree.size()) {
                throw InvalidInputException.of("to", "the log has only " + tree.size() + " entries");
            }
            if (from < 1 || from > size2) {
                throw InvalidInputException.of("from", "must be between 1 and " + size2);
            }
            return new ConsistencyProof(from, size2, Hashes.base64(tree.root(from)), Hashes.base64(tree.root(size2)),
                    tree.consistencyProof(from, size2).stream().map(Hashes::base64).toList());
        });
    }

    /** A tlog-tiles tile or entry bundle, if the committed log holds it. */
    public Optional<byte[]> tile(Tiles.Address address) {
        return log.read(tree -> {
            long size = tree.size();
            if (address.entries()) {
                long first = address.index() * Tiles.WIDTH;
                if (first + address.width() > size) {
                    return Optional.<byte[]>empty();
                }
                List<byte[]> bodies = entries.range(first, first + address.width()).stream().map(LedgerEntry::body).toList();
                return Optional.of(Tiles.bundle(bodies));
            }
            long available = size >> (Tiles.HEIGHT * address.level());
            if (address.index() * Tiles.WIDTH + address.width() > available) {
                return Optional.<byte[]>empty();
            }
            return Optional.of(tree.tile(address.level(), address.index(), address.width(), size));
        });
    }
}
