package microfactory.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chapter's Ed25519 key, made on first use and kept in the database. Its name is fixed then
 * (microfactory.signing.name) because verifiers pin it.
 */
@Service
public class SigningKeys {

    private final SigningKeyRepository keys;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String configuredName;
    private volatile ChapterKey key;

    SigningKeys(SigningKeyRepository keys, TransactionTemplate transaction, Clock clock,
                @Value("${microfactory.signing.name:chapter.microfactory.example/ledger}") String configuredName) {
        this.keys = keys;
        this.transaction = transaction;
        this.clock = clock;
        this.configuredName = configuredName;
        if (configuredName.isBlank() || configuredName.contains("+") || configuredName.matches(".*\\s.*")) {
            throw new IllegalArgumentException("microfactory.signing.name must be non-empty, without '+' or spaces");
        }
    }

    public ChapterKey chapterKey() {
        ChapterKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = transaction.execute(status -> load());
                }
                k = key;
            }
        }
        return k;
    }

    private ChapterKey load() {
        var stored = keys.find();
        if (stored.isEmpty()) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                keys.insert(configuredName, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), clock.instant());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
            }
            stored = keys.find();
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            var s = stored.orElseThrow();
            return new ChapterKey(s.name(), factory.generatePrivate(new PKCS8EncodedKeySpec(s.privateKey())),
                    factory.generatePublic(new X509EncodedKeySpec(s.publicKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored chapter key cannot be read", e);
        }
    }
}
