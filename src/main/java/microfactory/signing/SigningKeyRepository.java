package microfactory.signing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The single row of the chapter's key; the private key is stored sealed ({@link KeyProtection}). */
@Repository
class SigningKeyRepository {

    record Stored(String name, byte[] privateKey, byte[] publicKey) {
    }

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find() {
        return jdbc.sql("select name, private_key, public_key from signing_key where id = 1")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).optional();
    }

    void insert(String name, byte[] sealedPrivateKey, byte[] publicKey, Instant at) {
        jdbc.sql("insert into signing_key (id, name, private_key, public_key, created_at) values (1, :n, :pk, :pub, :at)")
            .param("n", name).param("pk", sealedPrivateKey).param("pub", publicKey).param("at", Timestamp.from(at)).update();
    }

    void reseal(byte[] sealedPrivateKey) {
        jdbc.sql("update signing_key set private_key = :pk where id = 1").param("pk", sealedPrivateKey).update();
    }
}
