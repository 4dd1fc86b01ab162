package microfactory.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.ledger.LedgerService;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.SignedNote;
import microfactory.support.DatabaseTest;

/**
 * A followed chapter's later checkpoints: taken when a consistency proof joins them to the last one verified; a smaller
 * tree, another root at the same size, or a tree no proof joins is kept as evidence and the chapter marked forked. The
 * chapter followed here is this server's own ledger, with what was "verified before" set to what a lying log would have shown.
 */
@DatabaseTest
class PeerChecksTest {

    @LocalServerPort int port;
    @Autowired NetworkRepository network;
    @Autowired NetworkService service;
    @Autowired LedgerService ledger;
    @Autowired JdbcClient jdbc;
    long id;

    long followSelf() {
        id = network.insert("http://localhost:" + port, "Mirror " + System.nanoTime(), ledger.origin(), ledger.verifierKey(), null, "{}",
                Instant.now());
        return id;
    }

    @AfterEach
    void unfollow() {
        jdbc.sql("delete from network_evidence where chapter_id = :id").param("id", id).update();
        jdbc.sql("delete from network_chapter where id = :id").param("id", id).update();
    }

    Checkpoint now() {
        return Checkpoint.parse(SignedNote.parse(ledger.checkpoint()).text());
    }

    @Test
    void aGrownLogJoinedByItsProofIsVerified() {
        Checkpoint c = now();
        long smaller = c.size() - 5;
        network.verified(followSelf(), smaller, Hashes.base64(rootAt(smaller)), Instant.now());
        Peer p = service.check(id);
        assertThat(p.status()).as(p.reason()).isEqualTo(PeerStatus.VERIFIED);
        assertThat(p.verifiedSize()).isGreaterThanOrEqualTo(c.size());
    }

    @Test
    void anotherRootAtTheSameSizeIsAFork() {
        Checkpoint c = now();
        network.verified(followSelf(), c.size(), Hashes.base64(Hashes.leaf(new byte[] {1})), Instant.now());
        Peer p = service.check(id);
        assertThat(p.status()).isEqualTo(PeerStatus.FORKED);
        assertThat(network.evidence()).anySatisfy(e -> {
            assertThat(e.chapterId()).isEqualTo(id);
            assertThat(e.kind()).isEqualTo(EvidenceKind.FORK);
            assertThat(e.seen()).startsWith(ledger.origin() + "\n" + c.size() + "\n");
        });
    }

    @Test
    void aSmallerTreeIsARollbackAndARootNoProofJoinsIsARewrite() {
        Checkpoint c = now();
        network.verified(followSelf(), c.size() + 10, Hashes.base64(Hashes.leaf(new byte[] {2})), Instant.now());
        assertThat(service.check(id).status()).isEqualTo(PeerStatus.FORKED);
        assertThat(network.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EvidenceKind.ROLLBACK));
        unfollow();

        network.verified(followSelf(), c.size() - 3, Hashes.base64(Hashes.leaf(new byte[] {3})), Instant.now());
        Peer rewritten = service.check(id);
        assertThat(rewritten.status()).isEqualTo(PeerStatus.FORKED);
        assertThat(rewritten.reason()).contains("does not extend");
        assertThat(network.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EvidenceKind.INCONSISTENT));
    }

    private byte[] rootAt(long size) {
        return Base64.getDecoder().decode(ledger.consistencyProof(size, null).root1());
    }
}
