package microfactory.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.Proofs;
import microfactory.ledger.tlog.SignedNote;
import tools.jackson.databind.JsonNode;

/**
 * The chapters this one follows. Following pins a chapter's keys from its signed description and verifies its checkpoint;
 * each check after that takes a new checkpoint only when its signature holds and a consistency proof joins it to the last
 * one verified. A smaller tree, another root at the same size, or a proof that fails is kept as evidence and the chapter
 * is marked forked; a chapter that cannot be reached is marked unverified with the reason. Nothing it says is taken else.
 */
@Service
public class NetworkService {

    private final NetworkRepository network;
    private final PeerClient peers;
    private final LedgerService ledger;
    private final Clock clock;
    private final TransactionTemplate transaction;

    NetworkService(NetworkRepository network, PeerClient peers, LedgerService ledger, Clock clock, TransactionTemplate transaction) {
        this.network = network;
        this.peers = peers;
        this.ledger = ledger;
        this.clock = clock;
        this.transaction = transaction;
    }

    public List<Peer> chapters() {
        return network.all();
    }

    public Peer chapter(long id) {
        return network.find(id).orElseThrow(() -> new NotFoundException("followed chapter", Long.toString(id)));
    }

    public List<Evidence> evidence() {
        return network.evidence();
    }

    /** Follows the chapter at the address: its description and checkpoint fetched and checked first; refused with the reason else. */
    public Peer follow(String address) {
        String url;
        try {
            url = PeerClient.normalise(address);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("url", e.getMessage());
        }
        if (network.byUrl(url).isPresent()) {
            throw new ConflictException("This chapter follows " + url + " already.");
        }
        ChapterDescription d;
        Checkpoint checkpoint;
        try {
            d = ChapterDescriptions.check(peers.get(url, "/.well-known/microfactory"), peers.get(url, "/.well-known/microfactory.sig"));
            checkpoint = signedCheckpoint(url, NoteKeys.parseVkey(d.ledger().key()));
        } catch (PeerException e) {
            throw InvalidInputException.of("url", "not followed: " + e.getMessage());
        }
        if (d.ledger().origin().equals(ledger.origin())) {
            throw InvalidInputException.of("url", url + " is this chapter");
        }
        return store(url, d, checkpoint);
    }

    private Peer store(String url, ChapterDescription d, Checkpoint checkpoint) {
        return transaction.execute(status -> {
            if (network.byOrigin(d.ledger().origin()).isPresent()) {
                throw new ConflictException("This chapter follows " + d.name() + " (" + d.ledger().origin() + ") already, under another address.");
            }
            long id = network.insert(url, d.name(), d.ledger().origin(), d.ledger().key(), d.witness() == null ? null : d.witness().key(),
                    ChapterDescriptions.JSON.writeValueAsString(d), clock.instant());
            network.verified(id, checkpoint.size(), base64(checkpoint.root()), clock.instant());
            return network.find(id).orElseThrow();
        });
    }

    /** Sets where this chapter is (its description carries it); refused beside each field when out of range. */
    public ChapterDescription.Place place(BigDecimal latitude, BigDecimal longitude) {
        List<FieldProblem> problems = new ArrayList<>();
        if (latitude == null || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            problems.add(new FieldProblem("latitude", "degrees north, from -90 to 90 (south is negative), e.g. 6.5244"));
        }
        if (longitude == null || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            problems.add(new FieldProblem("longitude", "degrees east, from -180 to 180 (west is negative), e.g. 3.3792"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ChapterDescription.Place place = new ChapterDescription.Place(latitude.setScale(6, RoundingMode.HALF_EVEN),
                longitude.setScale(6, RoundingMode.HALF_EVEN));
        network.place(place);
        return place;
    }

    public Optional<ChapterDescription.Place> place() {
        return network.place();
    }

    /** This chapter and the followed chapters that gave their place in their descriptions. */
    public List<NetworkMap.Place> places(String ownName) {
        List<NetworkMap.Place> places = new ArrayList<>();
        network.place().ifPresent(p -> places.add(new NetworkMap.Place(ownName, p, true)));
        for (String description : network.descriptions().values()) {
            try {
                ChapterDescription d = ChapterDescriptions.JSON.readValue(description, ChapterDescription.class);
                if (d.place() != null && d.place().latitude() != null && d.place().longitude() != null
                        && d.place().latitude().abs().compareTo(BigDecimal.valueOf(90)) <= 0
                        && d.place().longitude().abs().compareTo(BigDecimal.valueOf(180)) <= 0) {
                    places.add(new NetworkMap.Place(d.name(), d.place(), false));
                }
            } catch (RuntimeException e) {
                // a description kept from before places were described: that chapter is not on the map
            }
        }
        return places;
    }

    /** Checks every followed chapter now; what each check found is on its row (and in the evidence). */
    public List<Peer> checkAll() {
        List<Peer> checked = new ArrayList<>();
        for (Peer p : network.all()) {
            checked.add(check(p.id()));
        }
        return checked;
    }

    /** Fetches the chapter's checkpoint and takes it when it is signed by the pinned key and consistent with the last one verified. */
    public Peer check(long id) {
        Peer p = chapter(id);
        NoteKeys.Verifier key = NoteKeys.parseVkey(p.ledgerKey());
        Checkpoint now;
        try {
            now = signedCheckpoint(p.url(), key);
        } catch (PeerException e) {
            network.unverified(p.id(), PeerStatus.UNVERIFIED, e.getMessage(), clock.instant());
            return chapter(id);
        }
        if (!now.origin().equals(p.origin())) {
            network.unverified(p.id(), PeerStatus.UNVERIFIED, "its checkpoint names the origin " + now.origin() + ", not " + p.origin(), clock.instant());
            return chapter(id);
        }
        Long before = p.verifiedSize();
        String root = base64(now.root());
        if (before == null || before == 0) { // the empty tree is consistent with every tree
            network.verified(p.id(), now.size(), root, clock.instant());
        } else if (now.size() < before) {
            misbehaved(p, EvidenceKind.ROLLBACK, "its log shrank from " + before + " to " + now.size() + " entries", now);
        } else if (now.size() == before) {
            if (root.equals(p.verifiedRoot())) {
                network.verified(p.id(), now.size(), root, clock.instant());
            } else {
                misbehaved(p, EvidenceKind.FORK, "two checkpoints of size " + before + " with different roots: " + p.verifiedRoot() + " and " + root, now);
            }
        } else {
            Optional<String> problem;
            try {
                problem = consistency(p, before, now);
            } catch (PeerException e) {
                network.unverified(p.id(), PeerStatus.UNVERIFIED, e.getMessage(), clock.instant());
                return chapter(id);
            }
            if (problem.isPresent()) {
                misbehaved(p, EvidenceKind.INCONSISTENT, "its checkpoint of size " + now.size() + " does not extend the one of size " + before
                        + " verified before: " + problem.get(), now);
            } else {
                network.verified(p.id(), now.size(), root, clock.instant());
            }
        }
        return chapter(id);
    }

    /** A fork, a rollback or a rewrite seen by this chapter's checks: evidence kept, the chapter marked forked. */
    private void misbehaved(Peer p, EvidenceKind kind, String detail, Checkpoint seen) {
        transaction.executeWithoutResult(status -> {
            network.evidence(p.id(), kind, detail, seen.body(), p.verifiedSize() == null ? null
                    : new Checkpoint(p.origin(), p.verifiedSize(), Base64.getDecoder().decode(p.verifiedRoot())).body(), clock.instant());
            network.unverified(p.id(), PeerStatus.FORKED, detail, clock.instant());
        });
    }

    private Checkpoint signedCheckpoint(String url, NoteKeys.Verifier key) throws PeerException {
        String text = peers.get(url, "/ledger/checkpoint");
        SignedNote note;
        Checkpoint c;
        try {
            note = SignedNote.parse(text);
            c = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            throw new PeerException("its checkpoint is malformed: " + e.getMessage());
        }
        if (!note.verifiedBy(key)) {
            throw new PeerException("its checkpoint is not signed by the key pinned when it was followed (" + key.name() + ")");
        }
        return c;
    }

    private Optional<String> consistency(Peer p, long before, Checkpoint now) throws PeerException {
        String body = peers.get(p.url(), "/api/v1/ledger/proofs/consistency?from=" + before + "&to=" + now.size());
        List<byte[]> proof = new ArrayList<>();
        try {
            JsonNode j = ChapterDescriptions.JSON.readTree(body);
            for (JsonNode h : j.path("proof")) {
                proof.add(Base64.getDecoder().decode(h.asString()));
            }
        } catch (RuntimeException e) {
            throw new PeerException("its consistency proof is malformed: " + e.getMessage());
        }
        return Proofs.checkConsistency(before, now.size(), Base64.getDecoder().decode(p.verifiedRoot()), now.root(), proof);
    }

    static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
