package microfactory.signing;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The chapter's signing key: its name (the ledger's origin) and Ed25519 key pair. */
public record ChapterKey(String name, PrivateKey privateKey, PublicKey publicKey) {

    @Override
    public String toString() {
        return "ChapterKey[" + name + "]"; // never print the private key
    }
}
