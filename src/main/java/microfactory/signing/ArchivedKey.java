package microfactory.signing;

/**
 * The chapter's key as a backup holds it: sealed with the passphrase when one is set (a restore then needs it), or
 * else the private key itself (PKCS#8), which makes the backup as secret as the key.
 */
public record ArchivedKey(String name, byte[] publicKey, byte[] privateKey, boolean sealed) {

    @Override
    public String toString() {
        return "ArchivedKey[" + name + ", sealed=" + sealed + "]"; // never print the private key
    }
}
