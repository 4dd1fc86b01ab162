package microfactory.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import microfactory.ledger.CheckpointCosignatures;
import microfactory.ledger.ConsistencyProof;
import microfactory.ledger.LedgerService;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Cosignatures;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.WitnessRequest;

/**
 * This chapter's log asks its witnesses for cosignatures: each chapter it follows that offers a witness is sent the
 * current checkpoint with a consistency proof from the size it last cosigned (C2SP tlog-witness); a 409 names that size
 * and the request is made again from it once; a chapter that does not follow back answers 404 and is left alone. Each
 * cosignature is checked under the witness key pinned when following, kept, and served with the checkpoint.
 */
@Service
class Witnessing implements CheckpointCosignatures {

    private static final Logger log = LoggerFactory.getLogger(Witnessing.class);
    private final NetworkRepository network;
    private final PeerClient peers;
    private final LedgerService ledger;
    private final Clock clock;

    Witnessing(NetworkRepository network, PeerClient peers, LedgerService ledger, Clock clock) {
        this.network = network;
        this.peers = peers;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public List<String> lines(long size, String root) {
        return network.cosignatures(size, root);
    }

    /** What one witness said: cosigned at this size, or why not. */
    record Outcome(String witness, boolean cosigned, String detail) {
    }

    @Scheduled(fixedDelayString = "${microfactory.network.witness-every:60s}", initialDelayString = "${microfactory.network.first-witness:30s}")
    void scheduled() {
        if (!network.all().isEmpty()) {
            collect().stream().filter(o -> !o.cosigned()).forEach(o -> log.info("Witness {}: {}", o.witness(), o.detail()));
        }
    }

    /** Sends the current checkpoint to every followed chapter with a witness key. */
    List<Outcome> collect() {
        String signed = ledger.checkpoint();
        Checkpoint c = Checkpoint.parse(SignedNote.parse(signed).text());
        List<Outcome> outcomes = new ArrayList<>();
        for (Peer p : network.all()) {
            if (p.witnessKey() != null) {
                outcomes.add(ask(p, signed, c));
            }
        }
        return outcomes;
    }

    private Outcome ask(Peer p, String signed, Checkpoint c) {
        String root = Base64.getEncoder().encodeToString(c.root());
        long old = network.cosignedSize(p.id());
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                PeerClient.Answer a = peers.post(p.url(), "/witness/add-checkpoint", WitnessRequest.write(old, proof(old, c.size()), signed));
                if (a.status() == 409 && attempt == 0 && a.body().strip().matches("\\d{1,19}")) {
                    old = Long.parseLong(a.body().strip());
                    if (old > c.size()) {
                        return new Outcome(p.name(), false, "it has cosigned size " + old + ", larger than this log: a fork?");
                    }
                    continue;
                }
                if (a.status() != 200) {
                    return new Outcome(p.name(), false, "answered " + a.status() + ": " + a.body().strip());
                }
                Cosignatures.Cosigner cosigner = Cosignatures.parseVkey(p.witnessKey());
                for (String line : a.body().split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    OptionalLong time = Cosignatures.verify(SignedNote.parse(signed + line + "\n"), cosigner);
                    if (time.isPresent()) {
                        network.cosignature(p.id(), c.size(), root, line + "\n", clock.instant());
                        return new Outcome(p.name(), true, "cosigned size " + c.size());
                    }
                }
                return new Outcome(p.name(), false, "its answer holds no cosignature by its pinned witness key");
            }
            return new Outcome(p.name(), false, "it did not take the size it named");
        } catch (PeerException e) {
            return new Outcome(p.name(), false, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome(p.name(), false, "its answer is malformed: " + e.getMessage());
        }
    }

    private List<byte[]> proof(long old, long size) {
        if (old == 0 || old >= size) {
            return List.of();
        }
        ConsistencyProof p = ledger.consistencyProof(old, size);
        return p.proof().stream().map(h -> Base64.getDecoder().decode(h)).toList();
    }
}
