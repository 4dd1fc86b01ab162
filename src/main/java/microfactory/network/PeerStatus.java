package microfactory.network;

/** What this chapter knows of a chapter it follows: its checkpoint verified, or not (with the reason), or caught misbehaving. */
public enum PeerStatus {
    VERIFIED, UNVERIFIED, FORKED
}
