package microfactory.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private key at rest: sealed under a passphrase or a key file, opened only with the same one. */
class KeyProtectionTest {

    @TempDir Path dir;
    private final byte[] secret = "a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);
    private final byte[] aad = "chapter/ledger\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKeyFileIsMadeOwnerOnlyAndOpensWhatItSealed() throws Exception {
        Path file = dir.resolve("keys/kek");
        KeyProtection p = new KeyProtection("", file.toString());
        byte[] sealed = p.seal(secret, aad);
        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyProtection.isSealed(sealed)).isTrue();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8");
        assertThat(new KeyProtection("", file.toString()).open(sealed, aad)).isEqualTo(secret);
        assertThatThrownBy(() -> p.open(sealed, "another/ledger\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> new KeyProtection("", dir.resolve("other").toString()).open(sealed, aad))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("key file");
    }

    @Test
    void aPassphraseSealsAndOnlyThatPassphraseOpens() {
        KeyProtection p = new KeyProtection("correct horse battery staple", dir.resolve("unused").toString());
        byte[] sealed = p.seal(secret, aad);
        assertThat(Files.exists(dir.resolve("unused"))).as("no key file with a passphrase").isFalse();
        assertThat(new KeyProtection("correct horse battery staple", "x").open(sealed, aad)).isEqualTo(secret);
        assertThatThrownBy(() -> new KeyProtection("wrong", "x").open(sealed, aad))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("MICROFACTORY_KEY_PASSPHRASE");
        assertThatThrownBy(() -> new KeyProtection("", dir.resolve("kek").toString()).open(sealed, aad))
                .hasMessageContaining("set MICROFACTORY_KEY_PASSPHRASE");
    }
}
