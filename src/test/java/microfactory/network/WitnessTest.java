package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Cosignatures;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.MerkleTree;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.WitnessRequest;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/**
 * This chapter as a C2SP tlog-witness of a log it follows: every rule of add-checkpoint with its status code, the
 * cosignature checked under the witness key the chapter publishes, and a second root at a cosigned size kept as a fork.
 */
@DatabaseTest
class WitnessTest {

    @LocalServerPort int port;
    @Autowired NetworkRepository network;
    @Autowired ChapterDescriptions descriptions;

    String origin;
    KeyPair log;
    MerkleTree tree;

    @BeforeEach
    void aFollowedLog() throws Exception {
        origin = "peer-" + System.nanoTime() + ".example/ledger";
        log = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        network.insert("https://" + origin.replace("/ledger", ""), "Peer " + origin, origin, NoteKeys.verifier(origin, log.getPublic()).vkey(),
                null, "{}", Instant.now());
        tree = new MerkleTree();
        for (int i = 0; i < 12; i++) {
            tree.appendLeafHash(Hashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    String checkpoint(long size, byte[] root, KeyPair by) {
        return SignedNote.sign(new Checkpoint(origin, size, root).body(), origin, by.getPrivate(), NoteKeys.keyId(origin, NoteKeys.raw(by.getPublic())));
    }

    String checkpoint(long size) {
        return checkpoint(size, size == 0 ? Hashes.EMPTY_ROOT : tree.root(size), log);
    }

    HttpResponse<String> add(long old, List<byte[]> proof, String checkpoint) {
        return new Http(port).send("POST", "/witness/add-checkpoint", "text/plain", WitnessRequest.write(old, proof, checkpoint));
    }

    @Test
    void aConsistentCheckpointIsCosignedUnderThePublishedWitnessKeyAndTheSizeMovesOn() {
        HttpResponse<String> first = add(0, List.of(), checkpoint(5));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Cosignatures.Cosigner witness = Cosignatures.parseVkey(descriptions.own().witness().key());
        assertThat(Cosignatures.verify(SignedNote.parse(checkpoint(5) + first.body()), witness)).isPresent();

        HttpResponse<String> next = add(5, tree.consistencyProof(5, 12), checkpoint(12));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(Cosignatures.verify(SignedNote.parse(checkpoint(12) + next.body()), witness)).isPresent();
        assertThat(network.byOrigin(origin).orElseThrow().witnessedSize()).isEqualTo(12);

        HttpResponse<String> stale = add(5, tree.consistencyProof(5, 12), checkpoint(12));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x.tlog.size"));
        assertThat(stale.body()).isEqualTo("12\n");
        assertThat(add(12, List.of(), checkpoint(12)).statusCode()).as("the same checkpoint again").isEqualTo(200);
    }

    @Test
    void everyRefusalHasTheSpecificationsStatus() throws Exception {
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(add(0, List.of(), checkpoint(5, tree.root(5), stranger)).statusCode()).as("no signature by the known key").isEqualTo(403);
        String unknown = SignedNote.sign(new Checkpoint("nobody.example/ledger", 5, tree.root(5)).body(), "nobody.example/ledger",
                stranger.getPrivate(), NoteKeys.keyId("nobody.example/ledger", NoteKeys.raw(stranger.getPublic())));
        assertThat(add(0, List.of(), unknown).statusCode()).as("an unknown origin").isEqualTo(404);
        assertThat(add(6, List.of(), checkpoint(5)).statusCode()).as("old size above the checkpoint's").isEqualTo(400);
        assertThat(add(3, List.of(), checkpoint(5)).statusCode()).as("not the size last cosigned").isEqualTo(409);
        assertThat(add(0, List.of(), checkpoint(0, tree.root(3), log)).statusCode()).as("size 0 with another root").isEqualTo(422);
        assertThat(add(0, tree.consistencyProof(3, 5), checkpoint(5)).statusCode()).as("a proof from size 0").isEqualTo(422);
        assertThat(new Http(port).send("POST", "/witness/add-checkpoint", "text/plain", "old 1\n").statusCode()).isEqualTo(400);
        assertThat(add(0, List.of(), checkpoint(5)).statusCode()).isEqualTo(200);
        assertThat(add(5, tree.consistencyProof(4, 12), checkpoint(12)).statusCode()).as("a proof that does not hold").isEqualTo(422);
        assertThat(network.byOrigin(origin).orElseThrow().witnessedSize()).as("nothing moved").isEqualTo(5);
    }

    @Test
    void aSecondRootAtACosignedSizeIsAForkKeptAsEvidence() {
        assertThat(add(0, List.of(), checkpoint(5)).statusCode()).isEqualTo(200);
        HttpResponse<String> fork = add(5, List.of(), checkpoint(5, tree.root(6), log));
        assertThat(fork.statusCode()).isEqualTo(422);
        Peer peer = network.byOrigin(origin).orElseThrow();
        assertThat(peer.status()).isEqualTo(PeerStatus.FORKED);
        assertThat(network.evidence()).anySatisfy(e -> {
            assertThat(e.chapterId()).isEqualTo(peer.id());
            assertThat(e.kind()).isEqualTo(EvidenceKind.FORK);
        });
        assertThat(new Http(port).page("/network").body()).contains("id=\"alarms\"").contains(peer.name());
    }
}
