package microfactory.network;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.springframework.stereotype.Service;

import microfactory.chapter.Chapter;
import microfactory.chapter.ChapterService;
import microfactory.ledger.LedgerService;
import microfactory.ledger.tlog.Cosignatures;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.signing.ChapterKey;
import microfactory.signing.SigningKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * This chapter's description, as JSON bytes and the signed note over their SHA-256; and the check another chapter's
 * description must pass: its note signed by the ledger key the description itself names (pinned from then on).
 */
@Service
class ChapterDescriptions {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final ChapterService chapters;
    private final LedgerService ledger;
    private final SigningKeys keys;
    private final NetworkRepository network;

    ChapterDescriptions(ChapterService chapters, LedgerService ledger, SigningKeys keys, NetworkRepository network) {
        this.chapters = chapters;
        this.ledger = ledger;
        this.keys = keys;
        this.network = network;
    }

    ChapterDescription own() {
        Chapter c = chapters.chapter();
        String url = chapters.publicUrl().replaceAll("/+$", "");
        ChapterKey witness = keys.witnessKey();
        ChapterDescription.Lineage lineage = chapters.lineage().map(l -> new ChapterDescription.Lineage(l.originChapter(), l.originUrl()))
                .orElse(null);
        return new ChapterDescription(ChapterDescription.FORMAT, c.name(), c.site(), c.region(), network.place().orElse(null), url,
                new ChapterDescription.Ledger(ledger.origin(), ledger.verifierKey(), url + "/ledger/checkpoint"),
                new ChapterDescription.Witness(Cosignatures.cosigner(witness.name(), NoteKeys.raw(witness.publicKey())).vkey(),
                        url + "/witness/add-checkpoint"),
                url + "/kit", url + "/api/v1/designs", network.all().stream().map(Peer::url).toList(), lineage);
    }

    byte[] ownBytes() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(own());
    }

    /** The signed note over the description's bytes. */
    String signature(byte[] description) {
        ChapterKey k = keys.chapterKey();
        return SignedNote.sign(noteText(k.name(), sha256(description)), k.name(), k.privateKey(),
                NoteKeys.keyId(k.name(), NoteKeys.raw(k.publicKey())));
    }

    static String noteText(String origin, String sha256) {
        return origin + "\n" + ChapterDescription.FORMAT + "\nsha256:" + sha256 + "\n";
    }

    /** Another chapter's description, believed only when its note holds under the key it names for its ledger. */
    static ChapterDescription check(String body, String note) throws PeerException {
        ChapterDescription d;
        try {
            d = JSON.readValue(body, ChapterDescription.class);
        } catch (RuntimeException e) {
            throw new PeerException("its description is not a chapter's description: " + e.getMessage());
        }
        if (d == null || !ChapterDescription.FORMAT.equals(d.format()) || d.ledger() == null || d.ledger().key() == null || d.name() == null) {
            throw new PeerException("its description is not in the " + ChapterDescription.FORMAT + " format");
        }
        NoteKeys.Verifier key;
        SignedNote signed;
        try {
            key = NoteKeys.parseVkey(d.ledger().key());
            signed = SignedNote.parse(note);
        } catch (IllegalArgumentException e) {
            throw new PeerException("its description's key or signature is malformed: " + e.getMessage());
        }
        if (!key.name().equals(d.ledger().origin())) {
            throw new PeerException("its ledger key is named " + key.name() + ", not its origin " + d.ledger().origin());
        }
        if (!signed.text().equals(noteText(key.name(), sha256(body.getBytes(StandardCharsets.UTF_8)))) || !signed.verifiedBy(key)) {
            throw new PeerException("its description's signature does not hold under its ledger key");
        }
        if (d.witness() != null && d.witness().key() != null) {
            try {
                Cosignatures.parseVkey(d.witness().key());
            } catch (IllegalArgumentException e) {
                throw new PeerException("its witness key is malformed: " + e.getMessage());
            }
        }
        return d;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Hashes.sha256(bytes));
    }
}
