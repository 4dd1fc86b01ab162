package microfactory.network;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Cosignatures;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.Proofs;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.WitnessRequest;
import microfactory.signing.ChapterKey;
import microfactory.signing.SigningKeys;

/**
 * This chapter as a witness (C2SP tlog-witness {@code add-checkpoint}) of the chapters it follows: a checkpoint signed by
 * the log key pinned for its origin, from the size it last cosigned, joined to it by a consistency proof, is cosigned
 * ({@code cosignature/v1}, the chapter's witness key) and becomes the new size, atomically under the followed chapter's
 * row lock. Every refusal has the specification's status; a second root at a size already cosigned is kept as evidence.
 */
@Service
class Witness {

    private final NetworkRepository network;
    private final SigningKeys keys;
    private final Clock clock;

    Witness(NetworkRepository network, SigningKeys keys, Clock clock) {
        this.network = network;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    WitnessAnswer addCheckpoint(String body) {
        WitnessRequest request;
        SignedNote note;
        Checkpoint checkpoint;
        try {
            request = WitnessRequest.parse(body);
            note = SignedNote.parse(request.checkpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return WitnessAnswer.text(400, "Malformed request: " + e.getMessage());
        }
        Optional<Peer> followed = network.lockByOrigin(checkpoint.origin());
        if (followed.isEmpty()) {
            return WitnessAnswer.text(404, "This witness does not follow the log " + checkpoint.origin() + ".");
        }
        Peer peer = followed.get();
        NoteKeys.Verifier logKey = NoteKeys.parseVkey(peer.ledgerKey());
        List<SignedNote.Line> byLogKey = note.signatures().stream()
                .filter(l -> l.name().equals(logKey.name()) && l.keyId() == logKey.keyId()).toList();
        byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
        if (byLogKey.isEmpty() || !byLogKey.stream().allMatch(l -> logKey.verify(text, l.signature()))) {
            return WitnessAnswer.text(403, "The checkpoint is not signed by the key this witness knows for " + checkpoint.origin() + ".");
        }
        if (request.oldSize() > checkpoint.size()) {
            return WitnessAnswer.text(400, "The old size " + request.oldSize() + " is larger than the checkpoint's size " + checkpoint.size() + ".");
        }
        if (request.oldSize() != peer.witnessedSize()) {
            return new WitnessAnswer(409, "text/x.tlog.size", peer.witnessedSize() + "\n");
        }
        if (checkpoint.size() == 0 && !Arrays.equals(checkpoint.root(), Hashes.EMPTY_ROOT)) {
            return WitnessAnswer.text(422, "A checkpoint of size 0 has the root of the empty tree.");
        }
        if (request.oldSize() == 0 && !request.proof().isEmpty()) {
            return WitnessAnswer.text(422, "From size 0 the consistency proof is empty.");
        }
        String root = NetworkService.base64(checkpoint.root());
        if (request.oldSize() == checkpoint.size() && request.oldSize() > 0) {
            if (!root.equals(peer.witnessedRoot())) {
                network.evidence(peer.id(), EvidenceKind.FORK, "two checkpoints of size " + checkpoint.size() + " with different roots: "
                        + peer.witnessedRoot() + " cosigned, " + root + " submitted", request.checkpoint(), null, clock.instant());
                network.unverified(peer.id(), PeerStatus.FORKED, "submitted a second root for size " + checkpoint.size(), clock.instant());
                return WitnessAnswer.text(422, "This witness cosigned another root at size " + checkpoint.size() + ".");
            }
        } else if (request.oldSize() > 0) {
            Optional<String> problem = Proofs.checkConsistency(request.oldSize(), checkpoint.size(), Base64.getDecoder().decode(peer.witnessedRoot()),
                    checkpoint.root(), request.proof());
            if (problem.isPresent()) {
                return WitnessAnswer.text(422, "The consistency proof does not hold: " + problem.get() + ".");
            }
        }
        ChapterKey witness = keys.witnessKey();
        String cosignature = Cosignatures.sign(note.text(), witness.name(), witness.privateKey(), NoteKeys.raw(witness.publicKey()),
                clock.instant().getEpochSecond());
        network.witnessed(peer.id(), checkpoint.size(), root, clock.instant());
        return new WitnessAnswer(200, "text/plain; charset=utf-8", cosignature);
    }
}
