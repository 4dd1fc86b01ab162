package microfactory.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.common.ConflictException;

/**
 * The chapter's Ed25519 key, kept in the database with its private half sealed ({@link KeyProtection}). A real
 * chapter's key is made at set-up, named after its public URL; its name is fixed then because verifiers pin it.
 * The demo's key is made on first use under {@code microfactory.signing.name}.
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository keys;
    private final KeyProtection protection;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String configuredName;
    private volatile ChapterKey key;

    SigningKeys(SigningKeyRepository keys, KeyProtection protection, TransactionTemplate transaction, Clock clock,
                @Value("${microfactory.signing.name:}") String configuredName) {
        this.keys = keys;
        this.protection = protection;
        this.transaction = transaction;
        this.clock = clock;
        this.configuredName = configuredName;
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

    /**
     * The chapter's witness key, with which it cosigns the checkpoints of the chapters it follows (C2SP tlog-cosignature).
     * A cosigner's key must differ from the log's; it is derived from the chapter's key (HMAC-SHA256 of it as the seed),
     * so it is as safe at rest, comes back with every backup, and never needs a table of its own.
     */
    public ChapterKey witnessKey() {
        ChapterKey chapter = chapterKey();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(chapter.privateKey().getEncoded(), "HmacSHA256"));
            byte[] seed = mac.doFinal("microfactory witness key/1".getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            return new ChapterKey(chapter.name().replaceFirst("/ledger$", "") + "/witness", pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 and Ed25519 are part of every JDK 15+", e);
        }
    }

    /** Hands an Ed25519 generator its 32-byte private key: the generator draws exactly that from its random source. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length > seed.length) {
                throw new IllegalStateException("asked for " + bytes.length + " bytes of a " + seed.length + "-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }

    public boolean exists() {
        return key != null || keys.find().isPresent();
    }

    /** Makes the chapter's key under a name (the ledger's origin). Refused when the chapter has one already. */
    @Transactional
    public ChapterKey create(String name) {
        checkName(name);
        if (keys.find().isPresent()) {
            throw new ConflictException("The chapter has a signing key already; its name cannot change.");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] publicKey = pair.getPublic().getEncoded();
            keys.insert(name, protection.seal(pair.getPrivate().getEncoded(), additionalData(name, publicKey)), publicKey,
                    clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
        key = null; // read back after commit: a rolled-back set-up leaves no key in memory
        return decode(keys.find().orElseThrow());
    }

    /** The key as a backup holds it: sealed with the passphrase when one is set, else in the clear. */
    public ArchivedKey archive() {
        var stored = keys.find().orElseThrow(() -> new IllegalStateException("The chapter has no signing key yet."));
        ChapterKey k = decode(stored);
        if (protection.mode() == KeyProtection.Mode.PASSPHRASE) {
            byte[] sealed = protection.seal(k.privateKey().getEncoded(), additionalData(k.name(), stored.publicKey()));
            return new ArchivedKey(k.name(), stored.publicKey(), sealed, true);
        }
        return new ArchivedKey(k.name(), stored.publicKey(), k.privateKey().getEncoded(), false);
    }

    /** Puts a backed-up key into an empty database, sealed the way this installation seals keys. */
    @Transactional
    public void restore(ArchivedKey archived) {
        if (keys.find().isPresent()) {
            throw new ConflictException("This database has a signing key already.");
        }
        byte[] aad = additionalData(archived.name(), archived.publicKey());
        byte[] privateKey = archived.sealed() ? protection.open(archived.privateKey(), aad) : archived.privateKey();
        keys.insert(archived.name(), protection.seal(privateKey, aad), archived.publicKey(), clock.instant());
        decode(keys.find().orElseThrow()); // the pair must be whole
        key = null;
    }

    /** Where the key-encryption key comes from, in words. */
    public String protectionDescription() {
        return protection.describe();
    }

    private ChapterKey load() {
        Optional<SigningKeyRepository.Stored> stored = keys.find();
        if (stored.isEmpty()) {
            if (configuredName.isBlank()) {
                throw new IllegalStateException("The chapter has no signing key yet: set the chapter up first.");
            }
            create(configuredName);
            stored = keys.find();
        }
        SigningKeyRepository.Stored s = stored.orElseThrow();
        byte[] aad = additionalData(s.name(), s.publicKey());
        if (!KeyProtection.isSealed(s.privateKey())) { // stored by an older version in plain text: seal it now
            keys.reseal(protection.seal(s.privateKey(), aad));
            log.info("Sealed the chapter's signing key with {}.", protection.describe());
        } else if (!protection.sealedAsConfigured(s.privateKey())) {
            keys.reseal(protection.seal(protection.open(s.privateKey(), aad), aad));
            log.info("Sealed the chapter's signing key again, now with {}.", protection.describe());
        }
        return decode(keys.find().orElseThrow());
    }

    private ChapterKey decode(SigningKeyRepository.Stored s) {
        byte[] privateKey = KeyProtection.isSealed(s.privateKey())
                ? protection.open(s.privateKey(), additionalData(s.name(), s.publicKey())) : s.privateKey();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new ChapterKey(s.name(), factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
                    factory.generatePublic(new X509EncodedKeySpec(s.publicKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored chapter key cannot be read", e);
        }
    }

    private static byte[] additionalData(String name, byte[] publicKey) {
        byte[] n = (name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[n.length + publicKey.length];
        System.arraycopy(n, 0, out, 0, n.length);
        System.arraycopy(publicKey, 0, out, n.length, publicKey.length);
        return out;
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.contains("+") || name.matches(".*\\s.*")) {
            throw new IllegalArgumentException("A signing key's name must be non-empty, without '+' or spaces: '" + name + "'");
        }
    }
}
