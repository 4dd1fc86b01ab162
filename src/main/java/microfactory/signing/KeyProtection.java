package microfactory.signing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the chapter's private key encrypted at rest (AES-256-GCM), so a database dump alone does not reveal it. The
 * key-encryption key comes from a passphrase ({@code MICROFACTORY_KEY_PASSPHRASE}, stretched with PBKDF2-HMAC-SHA256)
 * or, when none is given, from a key file outside the database with owner-only permissions
 * ({@code microfactory.key-file}, made on first use). A sealed key says which of the two it needs.
 *
 * <p>Layout: "MFK1", mode (1 passphrase, 2 key file), salt (16), PBKDF2 iterations (4), nonce (12), ciphertext and
 * tag. The key's name and public key are the additional data, so a sealed key cannot be moved to another row.
 */
@Component
public class KeyProtection {

    enum Mode { PASSPHRASE, KEY_FILE }

    private static final Logger log = LoggerFactory.getLogger(KeyProtection.class);
    private static final byte[] MAGIC = "MFK1".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 600_000;
    private static final int HEADER = 4 + 1 + 16 + 4 + 12;

    private final char[] passphrase;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();

    KeyProtection(@Value("${MICROFACTORY_KEY_PASSPHRASE:${microfactory.key-passphrase:}}") String passphrase,
                  @Value("${microfactory.key-file:data/key-encryption.key}") String keyFile) {
        this.passphrase = passphrase.isEmpty() ? null : passphrase.toCharArray();
        this.keyFile = Path.of(keyFile).toAbsolutePath().normalize();
    }

    /** How a key sealed now is protected, in words, for logs and the command line. */
    public String describe() {
        return passphrase != null ? "the passphrase in MICROFACTORY_KEY_PASSPHRASE" : "the key file " + keyFile;
    }

    Mode mode() {
        return passphrase != null ? Mode.PASSPHRASE : Mode.KEY_FILE;
    }

    /** Seals a private key (PKCS#8) the configured way. */
    byte[] seal(byte[] privateKey, byte[] additionalData) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        Mode mode = mode();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek(mode, salt, ITERATIONS), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(additionalData);
            byte[] sealed = cipher.doFinal(privateKey);
            return ByteBuffer.allocate(HEADER + sealed.length).put(MAGIC).put((byte) (mode.ordinal() + 1)).put(salt)
                    .putInt(ITERATIONS).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** True when the bytes are a sealed key (not a key stored in plain text by an older version). */
    static boolean isSealed(byte[] stored) {
        return stored.length > HEADER && Arrays.equals(Arrays.copyOf(stored, 4), MAGIC);
    }

    /** True when the key was sealed the way keys are sealed now (else it is sealed again, e.g. after a passphrase is set). */
    boolean sealedAsConfigured(byte[] sealed) {
        return sealed[4] == mode().ordinal() + 1;
    }

    /** Opens a sealed key; says plainly what is missing or wrong when it cannot. */
    byte[] open(byte[] sealed, byte[] additionalData) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        in.position(4);
        int modeByte = in.get();
        if (modeByte < 1 || modeByte > 2) {
            throw new KeyUnavailableException("The stored signing key is in an unknown format.");
        }
        Mode mode = Mode.values()[modeByte - 1];
        byte[] salt = new byte[16];
        in.get(salt);
        int iterations = in.getInt();
        byte[] nonce = new byte[12];
        in.get(nonce);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek(mode, salt, iterations), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(body);
        } catch (AEADBadTagException e) {
            throw new KeyUnavailableException(mode == Mode.PASSPHRASE
                    ? "The chapter's signing key does not open with this MICROFACTORY_KEY_PASSPHRASE; set the passphrase it was sealed with."
                    : "The chapter's signing key does not open with the key file " + keyFile + "; put back the key file it was sealed with.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private SecretKeySpec kek(Mode mode, byte[] salt, int iterations) throws GeneralSecurityException {
        if (mode == Mode.PASSPHRASE) {
            if (passphrase == null) {
                throw new KeyUnavailableException("The chapter's signing key is sealed with a passphrase: "
                        + "set MICROFACTORY_KEY_PASSPHRASE to it.");
            }
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] key = pbkdf2.generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256)).getEncoded();
            return new SecretKeySpec(key, "AES");
        }
        return new SecretKeySpec(fileKey(), "AES");
    }

    /** The key file's 32 bytes; made (owner-only) when it does not exist yet. */
    private synchronized byte[] fileKey() {
        try {
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                Files.createDirectories(keyFile.getParent());
                Path temp = Files.createTempFile(keyFile.getParent(), ".kek", ".tmp");
                restrict(temp);
                Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
                Files.move(temp, keyFile);
                log.warn("Made the key that encrypts the chapter's signing key: {} (owner-only). Back it up, stored apart from "
                        + "database dumps: without it the signing key cannot be opened. Or set MICROFACTORY_KEY_PASSPHRASE instead.", keyFile);
                return key;
            }
            warnIfOpen();
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            if (key.length != 32) {
                throw new KeyUnavailableException("The key file " + keyFile + " does not hold a 32-byte key.");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyUnavailableException("The key file " + keyFile + " cannot be read: " + e.getMessage());
        }
    }

    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private void warnIfOpen() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("The key file {} can be read by other users; make it owner-only: chmod 600 {}", keyFile, keyFile);
            }
        }
    }
}
